"""The soak's two instruments: a closed-loop burst that finds the capacity, and the API
process's resident memory read from /proc."""

import asyncio
import itertools
import time
from collections.abc import Sequence
from pathlib import Path

import httpx

from hardening.load import Call, Sample, send
from hardening.soak_report import Burst


async def closed_loop(
    url: str, calls: Sequence[Call], clients: int, seconds: float, timeout: float
) -> Burst:
    """`clients` clients each sending `calls` (in turn, shared) as soon as their previous
    answer is in, for `seconds`: what the API can serve flat out."""
    samples: list[Sample] = []
    turn = itertools.count()
    deadline = time.monotonic() + seconds
    limits = httpx.Limits(max_connections=clients)
    async with httpx.AsyncClient(base_url=url, timeout=timeout, limits=limits) as client:

        async def one_client() -> None:
            while time.monotonic() < deadline:
                samples.append(await send(client, calls[next(turn) % len(calls)]))

        start = time.monotonic()
        await asyncio.gather(*(one_client() for _ in range(clients)))
        return Burst(samples, time.monotonic() - start)


def vm_rss(status: str) -> int:
    """Bytes of the `VmRSS:` line of a /proc/<pid>/status text."""
    for line in status.splitlines():
        if line.startswith("VmRSS:"):
            size, unit = line.split()[1:3]
            if unit != "kB":
                raise ValueError(f"unexpected VmRSS unit {unit!r}")
            return int(size) * 1024
    raise ValueError("no VmRSS line: the process has exited")


def rss_bytes(pid: int) -> int:
    """The resident memory of a running process (Linux)."""
    return vm_rss(Path(f"/proc/{pid}/status").read_text(encoding="ascii"))
