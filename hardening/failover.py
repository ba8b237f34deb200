"""Node loss under load (issue 17, item 2): a 3-node cluster of its own with one replica of every
shard, an API process that knows every node, a steady load; the node holding the most primaries
is killed (SIGKILL: no goodbye to the cluster), then started again. The report says whether
searches kept succeeding and how soon the cluster was green once the node was back."""

import asyncio
import os
import signal
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from elasticsearch import Elasticsearch
from rich.console import Console

from hardening.api_process import api_process, wait_serving
from hardening.failover_report import (
    GREEN_BOUND,
    LOSS_BOUND,
    FailoverReport,
    Timeline,
    Victim,
    pick_victim,
    summarise,
)
from hardening.load import steady_load
from hardening.outage import CLIENT_MARGIN, FICHES, Phases, drop_indices
from indexer.engine import EmbeddedCluster, EngineError, embedded_cluster
from indexer.engine.cluster import NodeSpec, http_json, pid_alive
from indexer.settings import Settings
from indexer.subset import index_fiches

FAILOVER_HTTP_PORT = 9280  # its own 3 nodes on 9280-9282: the shared engine (9200) is never touched
NODES = 3
PREFIX = "failover"
# What a visitor does, lexical only: the loss is the engine's, and query encoding on two shared
# cores would measure the CPU rather than the failover.
PATHS = (
    "/v1/search?q=boulanger&mode=lexical",
    "/v1/metiers/M1805",
    "/v1/autocomplete?q=bouch&mode=lexical",
    "/v1/search?q=aide%20a%20domicile&mode=lexical",
)


@dataclass(frozen=True)
class EngineTimes:
    """What the cluster did around the loss."""

    start: float  # seconds for the 3 nodes to form a cluster
    restart: float  # seconds from launching the victim again to its joining
    health_while_down: str  # status and node count just before the restart


def kill(spec: NodeSpec, timeout: float = 30.0) -> None:
    """SIGKILL the node and wait until its process is gone."""
    pid = pid_alive(spec.pid_file)
    if pid is None:
        raise EngineError(f"{spec.name} is not running: nothing to kill")
    os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + timeout
    while pid_alive(spec.pid_file) is not None:
        if time.monotonic() > deadline:
            raise EngineError(f"{spec.name} (pid {pid}) still alive {timeout:.0f}s after SIGKILL")
        time.sleep(0.1)


def wait_health(url: str, bound: float, reached: Callable[[dict[str, Any]], bool]) -> float | None:
    """time.monotonic() when the health of the cluster at `url` first satisfies `reached`, or
    None after `bound` seconds. A node with no master yet does not answer: it is asked again."""
    deadline = time.monotonic() + bound
    while time.monotonic() < deadline:
        health = http_json(f"{url}/_cluster/health", timeout=2.0)
        if health and reached(health):
            return time.monotonic()
        time.sleep(0.25)
    return None


def _lost(health: dict[str, Any]) -> bool:
    return bool(health.get("number_of_nodes") == NODES - 1)


def _green(health: dict[str, Any]) -> bool:
    return bool(health.get("status") == "green")


def _health(url: str) -> str:
    health = http_json(f"{url}/_cluster/health", timeout=5.0)
    if health is None:
        return "no answer"
    return f"{health.get('status')}, {health.get('number_of_nodes')} nodes"


def _wait_replicated(es: Elasticsearch) -> None:
    """Every replica allocated before the load starts: a yellow start would test nothing."""
    health = es.options(ignore_status=408).cluster.health(
        wait_for_status="green", timeout=f"{GREEN_BOUND:.0f}s"
    )
    if health["status"] != "green":
        raise EngineError(f"the new indices are {health['status']}, not green: replicas missing")


def _victim(es: Elasticsearch, prefix: str) -> Victim:
    # With format=json the cat APIs answer JSON lists, which their str-typed bodies hide.
    shards: Any = es.cat.shards(index=f"{prefix}-*", format="json", h="prirep,state,node").body
    master: Any = es.cat.master(format="json", h="node").body
    return pick_victim(shards, master[0]["node"])


async def _failover(
    url: str,
    engine: EmbeddedCluster,
    victim: Victim,
    *,
    phases: Phases,
    timeout: float,
    console: Console,
) -> tuple[FailoverReport, tuple[float, str]]:
    spec = next(s for s in engine.specs if s.name == victim.name)
    survivor = next(s.url for s in engine.specs if s.name != victim.name)
    until = asyncio.Event()
    load = asyncio.create_task(steady_load(url, PATHS, phases.rate, timeout + CLIENT_MARGIN, until))
    await asyncio.sleep(phases.warm)
    console.print(f"killing {victim.name} (SIGKILL, {victim.primaries} primaries)")
    killed = time.monotonic()
    await asyncio.to_thread(kill, spec)
    noticed = await asyncio.to_thread(wait_health, survivor, LOSS_BOUND, _lost)
    await asyncio.sleep(max(0.0, killed + phases.down - time.monotonic()))
    while_down = await asyncio.to_thread(_health, survivor)
    console.print(f"cluster while down: {while_down}; starting {victim.name} again")
    started = time.monotonic()
    await asyncio.to_thread(engine.start)  # only the dead node; returns once it has joined
    back = time.monotonic()
    green = await asyncio.to_thread(wait_health, survivor, GREEN_BOUND, _green)
    await asyncio.sleep(max(0.0, back + phases.after - time.monotonic()))
    until.set()
    samples = await load
    report = summarise(samples, victim, Timeline(killed, noticed, back, green), timeout)
    return report, (back - started, while_down)


def run_failover(
    settings: Settings, phases: Phases, http_port: int, timeout: float, console: Console
) -> tuple[FailoverReport, EngineTimes]:
    """The whole scenario on a 3-node cluster from `http_port`, stopped afterwards."""
    if settings.es_http_port in range(http_port, http_port + NODES):
        raise ValueError(f"the scenario kills a node: keep {settings.es_http_port} out of it")
    engine = embedded_cluster(settings, nodes=NODES, http_port=http_port)
    urls = [spec.url for spec in engine.specs]
    started = time.monotonic()
    try:
        engine.start()
        start = time.monotonic() - started
        prefix = f"{PREFIX}-{uuid.uuid4().hex[:8]}"
        with Elasticsearch(urls, request_timeout=120) as es:
            try:
                console.print(f"{NODES} nodes up in {start:.0f}s; indexing under {prefix}-*")
                drop_indices(es, PREFIX)  # what an interrupted run left
                index_fiches(es, settings, prefix, FICHES, replicas=1)
                _wait_replicated(es)
                victim = _victim(es, prefix)
                env = {"METIERSCOPE_ES_URL": ",".join(urls), "METIERSCOPE_INDEX_PREFIX": prefix}
                with api_process(env) as url:
                    wait_serving(url, PATHS)
                    console.print(f"API at {url}; load at {phases.rate:g} requests/s")
                    report, (restart, down) = asyncio.run(
                        _failover(
                            url, engine, victim, phases=phases, timeout=timeout, console=console
                        )
                    )
                    return report, EngineTimes(start, restart, down)
            finally:
                if engine.running():
                    drop_indices(es, prefix)
    finally:
        engine.stop()
