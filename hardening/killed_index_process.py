"""The real `metierscope` command as a subprocess, SIGKILLed the moment it says it holds at a
stage (the indexer's `hold_at` seam): a kill at a known point, not after a guessed delay."""

import os
import signal
import subprocess
import sys
import threading
import time
from collections import deque
from collections.abc import Sequence
from pathlib import Path

from hardening.killed_index_report import Run

RUN_TIMEOUT = 600.0  # seconds before a run that never reaches its stage (or never ends) is killed
TAIL_LINES = 30
HOLD_ENV = "METIERSCOPE_HOLD_AT"


def metierscope_command() -> str:
    """The `metierscope` script of this interpreter's environment (the venv's)."""
    return str(Path(sys.executable).with_name("metierscope"))


def holding_line(stage: str) -> str:
    """What the indexer prints when it pauses at `stage` (indexer.pipeline.stage_marker)."""
    return f"stage: {stage} (holding)"


def run_metierscope(
    args: Sequence[str],
    env: dict[str, str],
    hold_at: str | None = None,
    timeout: float = RUN_TIMEOUT,
) -> Run:
    """Run `metierscope <args>` with these METIERSCOPE_* settings to its end, or, with
    `hold_at`, until it holds there, then SIGKILL it."""
    environment = {k: v for k, v in os.environ.items() if k != HOLD_ENV} | env
    if hold_at is not None:
        environment[HOLD_ENV] = hold_at
    tail: deque[str] = deque(maxlen=TAIL_LINES)
    killed = False
    started = time.monotonic()
    with subprocess.Popen(
        [metierscope_command(), *args],
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        encoding="utf-8",
        errors="replace",
    ) as process:
        deadline = threading.Timer(timeout, process.kill)  # a hung run ends as not killed
        deadline.start()
        try:
            assert process.stdout is not None  # stdout=PIPE above
            for line in process.stdout:
                tail.append(line.rstrip())
                if hold_at is not None and line.strip() == holding_line(hold_at):
                    process.send_signal(signal.SIGKILL)
                    killed = True
                    break
            returncode = process.wait()
        finally:
            deadline.cancel()
    return Run(
        killed=killed and returncode == -signal.SIGKILL,
        returncode=returncode,
        seconds=time.monotonic() - started,
        tail="\n".join(tail),
    )
