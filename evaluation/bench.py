"""Load the running API over HTTP and measure latency and throughput, next to raw Elasticsearch.

The load comes from this process (not the API's), on 127.0.0.1. For each scenario the same
queries are also sent straight to Elasticsearch (the bodies the API builds, with query vectors
computed beforehand), so API time / ES time is the API's overhead.
"""

import asyncio
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any

import httpx
from elasticsearch import AsyncElasticsearch

from embeddings import load_embedder
from search_api.common.facets import Filters
from search_api.offres import queries as offer_queries
from search_api.search import queries

CONCURRENCY = (1, 16)
PAGE = 10  # results of the API's default first page
SUGGESTIONS = 8  # the API's default autocomplete size


@dataclass(frozen=True)
class Measure:
    """Latency percentiles (ms) and throughput of one scenario at one concurrency."""

    scenario: str
    target: str
    clients: int
    requests: int
    p50: float
    p95: float
    p99: float
    rps: float
    errors: int


def percentile(values: Sequence[float], pct: float) -> float:
    """Nearest-rank percentile of values (ms)."""
    ordered = sorted(values)
    index = max(0, min(len(ordered) - 1, round(pct / 100 * len(ordered) + 0.5) - 1))
    return ordered[index]


async def load(
    name: str, target: str, calls: Sequence[Callable[[], Awaitable[bool]]], clients: int
) -> Measure:
    """Run every call once, `clients` at a time; collect latencies."""
    pending = list(reversed(calls))
    latencies: list[float] = []
    errors = 0

    async def worker() -> None:
        nonlocal errors
        while pending:
            call = pending.pop()
            started = time.perf_counter()
            ok = await call()
            latencies.append((time.perf_counter() - started) * 1000)
            errors += not ok

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(clients)))
    elapsed = time.perf_counter() - started
    return Measure(
        name,
        target,
        clients,
        len(latencies),
        percentile(latencies, 50),
        percentile(latencies, 95),
        percentile(latencies, 99),
        len(latencies) / elapsed,
        errors,
    )


EXTRACT_CHARS = 1000  # the yardstick: a 1,000-character description


async def run_bench(
    api_url: str,
    es_url: str,
    *,
    prefix: str,
    embedder: str,
    texts: Sequence[str],
    descriptions: Sequence[str],
    rounds: int,
) -> list[Measure]:
    """Every scenario at 1 and 16 clients, API then raw Elasticsearch (where one compares)."""
    encoder = load_embedder(embedder)
    vectors = {t: [float(x) for x in encoder.queries([t])[0]] for t in texts}
    prefixes = [t[: max(2, min(5, len(t) // 3))] for t in texts]
    entities = ("appellations", "fiches", "competences", "savoirs")
    search_index = ",".join(f"{prefix}-{e}" for e in entities)
    complete_index = ",".join(f"{prefix}-{e}" for e in queries.AUTOCOMPLETE_TYPES)
    facets = Filters(facets=queries.FACETS)  # the search box: every facet, nothing selected
    results = []
    limits = httpx.Limits(max_connections=32, max_keepalive_connections=32)
    async with httpx.AsyncClient(base_url=api_url, limits=limits, timeout=30) as http:
        es = AsyncElasticsearch(es_url, request_timeout=30, connections_per_node=32)

        def api(path: str, params: dict[str, Any]) -> Callable[[], Awaitable[bool]]:
            async def call() -> bool:
                return (await http.get(path, params=params)).status_code == 200

            return call

        def api_post(path: str, body: dict[str, Any]) -> Callable[[], Awaitable[bool]]:
            async def call() -> bool:
                return (await http.post(path, json=body)).status_code == 200

            return call

        def raw(body: dict[str, Any]) -> Callable[[], Awaitable[bool]]:
            async def call() -> bool:
                await es.search(**body)
                return True

            return call

        def raw_hybrid(t: str) -> Callable[[], Awaitable[bool]]:
            async def call() -> bool:
                await asyncio.gather(raw(lexical(t))(), raw(semantic(t))())
                return True

            return call

        def lexical(t: str) -> dict[str, Any]:  # the API's first page of /v1/search
            q = queries.clean_query(t)
            body = queries.lexical_body(q, entities, facets, PAGE, with_facets=True)
            return {"index": search_index, **body}

        def semantic(t: str) -> dict[str, Any]:
            return {"index": search_index, **queries.knn_body(vectors[t], PAGE, facets)}

        def complete(p: str) -> dict[str, Any]:
            body = queries.autocomplete_body(p, 2 * SUGGESTIONS, prefix)
            return {"index": complete_index, **body}

        scenarios: dict[
            str, tuple[list[Callable[[], Awaitable[bool]]], list[Callable[[], Awaitable[bool]]]]
        ] = {
            "autocomplete": (
                [api("/v1/autocomplete", {"q": p}) for p in prefixes],
                [raw(complete(p)) for p in prefixes],
            ),
            "lexical": (
                [api("/v1/search", {"q": t, "mode": "lexical"}) for t in texts],
                [raw(lexical(t)) for t in texts],
            ),
            "semantic": (
                [api("/v1/search", {"q": t, "mode": "semantic"}) for t in texts],
                [raw(semantic(t)) for t in texts],
            ),
            "hybrid": (
                [api("/v1/search", {"q": t, "mode": "hybrid"}) for t in texts],
                [raw_hybrid(t) for t in texts],
            ),
            # spaCy, two batched encodings and three Elasticsearch round trips: no single raw
            # query to compare with.
            f"extract {EXTRACT_CHARS} chars": (
                [
                    api_post("/v1/competences/extract", {"text": d[:EXTRACT_CHARS]})
                    for d in descriptions
                ],
                [],
            ),
        }
        try:
            for name in ("autocomplete", "lexical"):  # warm connections and engine caches
                await load("warmup", "api", scenarios[name][0][:20], 4)
            for name, (api_calls, es_calls) in scenarios.items():
                for clients in CONCURRENCY:
                    results.append(await load(name, "api", api_calls * rounds, clients))
                    if es_calls:
                        results.append(await load(name, "es", es_calls * rounds, clients))
        finally:
            await es.close()
    return results


@dataclass(frozen=True)
class IngestMeasure:
    """Offers ingestion throughput."""

    offers: int
    seconds: float

    @property
    def rate(self) -> float:
        """Offers per second."""
        return self.offers / self.seconds if self.seconds else 0.0


OFFER_QUERIES = 300  # territory-facet searches per concurrency level


async def offer_facet_load(
    es_url: str, alias: str, departements: Sequence[str], words: Sequence[str]
) -> list[Measure]:
    """Offers searches as the API sends them: a title word and/or a département, every facet."""
    es = AsyncElasticsearch(es_url, request_timeout=30, connections_per_node=32)
    bodies = []
    for n in range(OFFER_QUERIES):
        selected: dict[str, tuple[str, ...]] = {}
        if n % 2:
            selected["departement"] = (departements[n % len(departements)],)
        filters = Filters(selected, offer_queries.OFFER_FACETS)
        text = words[n % len(words)] if n % 3 else ""
        bodies.append(offer_queries.offer_search_bodies(text, filters, PAGE))

    def call(pair: tuple[dict[str, Any], dict[str, Any]]) -> Callable[[], Awaitable[bool]]:
        async def run() -> bool:  # hits and facets, concurrently, as the API sends them
            await asyncio.gather(*(es.search(index=alias, **body) for body in pair))
            return True

        return run

    try:
        await load("warmup", "es", [call(b) for b in bodies[:30]], 4)
        return [
            await load("offres facets", "es", [call(b) for b in bodies], clients)
            for clients in CONCURRENCY
        ]
    finally:
        await es.close()
