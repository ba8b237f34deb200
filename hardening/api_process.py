"""The search API as its own process on a free loopback port, for scenarios that load it."""

import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

import httpx

START_TIMEOUT = 120.0  # seconds: spaCy, the encoder and the learned models load first


class ApiStartError(RuntimeError):
    """The API process exited or did not serve in time."""


def free_port() -> int:
    """A loopback port nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


@dataclass(frozen=True)
class ApiServer:
    """A running API process: where it serves, and its pid (to read its memory)."""

    url: str
    pid: int


@contextmanager
def api_process(env: dict[str, str]) -> Iterator[str]:
    """Run the API with these METIERSCOPE_* settings; its URL while it runs."""
    with api_server(env) as server:
        yield server.url


@contextmanager
def api_server(env: dict[str, str]) -> Iterator[ApiServer]:
    """Run the API with these METIERSCOPE_* settings; its URL and pid while it runs."""
    port = free_port()
    command = [sys.executable, "-m", "uvicorn", "search_api.app:create_app", "--factory"]
    command += ["--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"]
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(
            command, env={**os.environ, **env}, stdout=log, stderr=subprocess.STDOUT
        )
        try:
            yield ApiServer(f"http://127.0.0.1:{port}", process.pid)
        except ApiStartError as e:
            log.seek(0)
            tail = log.read().decode(errors="replace").splitlines()[-20:]
            raise ApiStartError(f"{e}\n" + "\n".join(tail)) from e
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def wait_serving(url: str, paths: Sequence[str], timeout: float = START_TIMEOUT) -> None:
    """Block until every path answers 200."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if all(httpx.get(url + path, timeout=5).status_code == 200 for path in paths):
                return
        except httpx.HTTPError:
            pass  # not listening yet
        time.sleep(0.5)
    raise ApiStartError(f"the API at {url} did not answer {list(paths)} within {timeout:.0f}s")
