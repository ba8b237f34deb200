"""Engine outage under load (issue 17, item 1): an engine and an API process of its own on
loopback, a steady load, the engine stopped then restarted; the report says whether every
request was answered in time and how soon traffic succeeded again."""

import asyncio
import time
import uuid
from dataclasses import dataclass

from elasticsearch import Elasticsearch
from rich.console import Console

from hardening.api_process import api_process, wait_serving
from hardening.load import steady_load
from hardening.report import OutageReport, summarise
from indexer.engine import EmbeddedCluster, embedded_cluster
from indexer.settings import Settings
from indexer.subset import index_fiches

# Fiches métier (and their fiches emploi) of the scenario's index: a few domains, ~1,000 documents.
FICHES = ("M1805", "J1506", "D1102", "K2111", "N4101")
CHAOS_HTTP_PORT = 9290  # its own engine: the shared one (9200) is never stopped
CLIENT_MARGIN = 5.0  # seconds past the API's timeout before the load gives up: a hang shows
PATHS = (  # what a visitor does: search, open a fiche, type in the box
    "/v1/search?q=boulanger&mode=lexical",
    "/v1/metiers/M1805",
    "/v1/autocomplete?q=bouch",
    "/v1/search?q=aide%20a%20domicile",
)


@dataclass(frozen=True)
class Phases:
    """Seconds of load before, during and after the outage, at `rate` requests per second."""

    warm: float = 10.0
    down: float = 10.0
    after: float = 10.0
    rate: float = 20.0


@dataclass(frozen=True)
class EngineTimes:
    """How long the engine took to stop and to be healthy again, in seconds."""

    stop: float
    restart: float


async def _outage(
    url: str, engine: EmbeddedCluster, phases: Phases, timeout: float, console: Console
) -> tuple[OutageReport, EngineTimes]:
    until = asyncio.Event()
    load = asyncio.create_task(steady_load(url, PATHS, phases.rate, timeout + CLIENT_MARGIN, until))
    await asyncio.sleep(phases.warm)
    console.print("stopping the engine (SIGTERM)")
    started = time.monotonic()
    await asyncio.to_thread(engine.stop)
    stopped = time.monotonic() - started
    await asyncio.sleep(phases.down)
    console.print("restarting the engine")
    started = time.monotonic()
    await asyncio.to_thread(engine.start)
    back_at = time.monotonic()
    await asyncio.sleep(phases.after)
    until.set()
    samples = await load
    return summarise(samples, back_at, timeout), EngineTimes(stopped, back_at - started)


def drop_indices(es: Elasticsearch, prefix: str) -> None:
    """Delete a scenario's indices `<prefix>-*` (by name: wildcard deletes are refused)."""
    for name in es.indices.get(index=f"{prefix}-*", allow_no_indices=True).body:
        es.indices.delete(index=name)


def run_outage(
    settings: Settings, phases: Phases, http_port: int, timeout: float, console: Console
) -> tuple[OutageReport, EngineTimes]:
    """The whole scenario on the engine at `http_port`, stopped afterwards."""
    if http_port == settings.es_http_port:
        raise ValueError(f"the scenario stops its engine: use a port other than {http_port}")
    engine = embedded_cluster(settings, nodes=1, http_port=http_port)
    engine.start()
    prefix = f"chaos-{uuid.uuid4().hex[:8]}"
    es = Elasticsearch(engine.url, request_timeout=120)
    try:
        console.print(f"engine at {engine.url}; indexing the sample under {prefix}-*")
        drop_indices(es, "chaos")  # what an interrupted run left
        index_fiches(es, settings, prefix, FICHES)
        env = {"METIERSCOPE_ES_URL": engine.url, "METIERSCOPE_INDEX_PREFIX": prefix}
        with api_process(env) as url:
            wait_serving(url, PATHS)
            console.print(f"API at {url}; load at {phases.rate:g} requests/s")
            return asyncio.run(_outage(url, engine, phases, timeout, console))
    finally:
        if engine.running():
            drop_indices(es, prefix)
        es.close()
        engine.stop()
