"""Run the whole service: engine, first-run indexing, API — foreground or background."""

import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import uvicorn
from elasticsearch import Elasticsearch
from rich.console import Console

from indexer.engine import EmbeddedCluster, embedded_cluster
from indexer.engine.cluster import pid_alive
from indexer.offres_sample import ensure_offres
from indexer.pipeline import missing_entities, run_index, run_territoires
from indexer.settings import Settings
from mappings import OFFRES, TERRITOIRES

API_APP = "search_api.app:create_app"
API_START_TIMEOUT = 60.0
# One API process per core: at 16 clients, two workers on 2 cores served 1.4x or more the
# autocomplete and lexical searches of one (docs/performance.md); each holds ~0.6 GB.
API_WORKERS = os.cpu_count() or 1


class ServiceError(RuntimeError):
    """A service process failed to start or to answer."""


def _api_url(settings: Settings) -> str:
    return f"http://{settings.api_host}:{settings.api_port}"


def _api_ready(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/ready", timeout=2) as response:  # noqa: S310
            return bool(response.status == 200)
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False


def _start_engine(settings: Settings) -> EmbeddedCluster | None:
    """Start the embedded engine if configured; the cluster if this call started it."""
    if settings.engine != "embedded":
        return None
    cluster = embedded_cluster(settings)
    already = bool(cluster.running())
    cluster.start()
    return None if already else cluster


def ensure_indexed(settings: Settings) -> None:
    """Index the export on a first run (any alias missing) and load the offers sample into an
    empty offers index; later runs serve what exists."""
    es = Elasticsearch(settings.es_urls, request_timeout=120)
    try:
        missing = missing_entities(es, settings.index_prefix)
        rome = [e for e in missing if e not in (TERRITOIRES, OFFRES)]
        if rome:
            run_index(es, settings, rome, Console())
        if TERRITOIRES in missing:
            run_territoires(es, settings, Console())
        ensure_offres(es, settings, Console())  # created if missing; the sample when empty
    finally:
        es.close()


def serve(settings: Settings) -> None:
    """The API in this process, in the foreground."""
    uvicorn.run(
        API_APP,
        factory=True,
        host=settings.api_host,
        port=settings.api_port,
        workers=API_WORKERS,
    )


def up(settings: Settings) -> str:
    """Engine and API in the background; returns the API URL once it answers."""
    _start_engine(settings)
    ensure_indexed(settings)
    url = _api_url(settings)
    pid_file = settings.state_dir / "api.pid"
    if pid_alive(pid_file) is not None and _api_ready(url):
        return url
    settings.state_dir.mkdir(parents=True, exist_ok=True)
    log = settings.state_dir / "api.log"
    host, port = settings.api_host, str(settings.api_port)
    command = [sys.executable, "-m", "uvicorn", API_APP, "--factory"]
    command += ["--host", host, "--port", port, "--workers", str(API_WORKERS)]
    with log.open("ab") as out:
        process = subprocess.Popen(
            command,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    pid_file.write_text(str(process.pid))
    deadline = time.monotonic() + API_START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise ServiceError(
                f"the API exited (code {process.returncode}); see {log}:\n{_tail(log)}"
            )
        if _api_ready(url):
            return url
        time.sleep(0.3)
    raise ServiceError(f"the API did not answer within {API_START_TIMEOUT:.0f}s; see {log}")


def down(settings: Settings) -> list[str]:
    """Stop the background API and the embedded engine; what was stopped."""
    done = []
    pid_file = settings.state_dir / "api.pid"
    pid = pid_alive(pid_file)
    if pid is not None:
        os.kill(pid, signal.SIGTERM)
        done.append(f"api (pid {pid})")
    pid_file.unlink(missing_ok=True)
    if settings.engine == "embedded":
        done += [f"elasticsearch {name}" for name in embedded_cluster(settings).stop()]
    return done or ["nothing was running"]


def run(settings: Settings) -> None:
    """Everything in the foreground; on exit, stop the engine if this call started it."""
    started = _start_engine(settings)
    try:
        ensure_indexed(settings)
        serve(settings)
    finally:
        if started is not None:
            started.stop()


def _tail(path: Path, lines: int = 20) -> str:
    return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
