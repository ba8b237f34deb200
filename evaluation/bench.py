"""Load the running API over HTTP and find its capacity, next to raw Elasticsearch.

The load comes from this process, on the same machine: closed-loop clients that send their
next request as soon as the last one answered, for a few seconds at each step of clients.
The same queries also go straight to Elasticsearch (the bodies the API's `queries` module
builds, query vectors computed beforehand), so API time / ES time is the API's overhead,
query encoding included. A plain `match` on the label, raw, is the yardstick of what one
lexical search should cost. A request that fails voids the whole run (`failures`).
"""

import asyncio
import itertools
import json
import math
import time
from collections.abc import Awaitable, Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

import aiohttp
import numpy as np

from search_api.common.facets import Filters
from search_api.offres import queries as offer_queries
from search_api.search import queries
from search_api.search.service import COMPLETION_DEPTH, autocomplete_depth

STEPS = (1, 4, 16, 32)  # concurrent clients at each step
STEP_SECONDS = 3.0  # per step: enough for a stable p95 at hundreds of requests per second
PAGE = 10  # results of the API's default first page
SUGGESTIONS = 8  # the API's default autocomplete size
EXTRACT_CHARS = 1000  # the yardstick: a 1,000-character description
SEARCHED = ("appellations", "fiches", "competences", "savoirs")  # /v1/search without `types`
SCENARIOS = (
    "autocomplete",
    "plain match",
    "lexical query",  # /v1/search?mode=lexical&facets=none: the query alone
    "lexical",  # the search box: the query and the facets of the search page
    "semantic",
    "hybrid",
    "extract",
)
SEARCHES = {"lexical query", "lexical", "semantic", "hybrid", "plain match"}  # title queries
# The API serves CPU-heavy requests a few at a time and answers 503 beyond its queue
# (METIERSCOPE_HEAVY_CONCURRENCY, _HEAVY_QUEUE): extraction is loaded up to this many clients.
EXTRACT_CLIENTS = 4
VECTOR_POOL = 200  # query vectors the raw kNN requests reuse in turn (encoded at start)
REQUEST_TIMEOUT = 30.0  # seconds; a request slower than that is a failure, not a sample
# Idle connections are dropped before servers drop them (uvicorn after 5 s): reusing one the
# server is closing fails the request, which would void the run for nothing.
KEEPALIVE = 2.0

Call = Callable[[int], Awaitable[None]]  # sends the i-th request of a stream; raises on failure


class RequestFailedError(Exception):
    """A request answered with an error status."""


FAILURES = (RequestFailedError, aiohttp.ClientError, TimeoutError)


@dataclass(frozen=True)
class Measure:
    """Latency percentiles (ms) and throughput of one scenario, one target, one step."""

    scenario: str
    target: str  # "api" or "es"
    clients: int
    requests: int
    p50: float
    p95: float
    p99: float
    rps: float
    errors: int
    error: str | None = None  # the first failure, verbatim


@dataclass(frozen=True)
class Workload:
    """What the clients send: title queries, typed prefixes, descriptions, and the query
    vectors the raw kNN requests reuse in turn (an exact scan costs the same whatever the
    vector)."""

    texts: Sequence[str]
    prefixes: Sequence[str]
    descriptions: Sequence[str]
    vectors: Sequence[list[float]]


def percentile(values: Sequence[float], pct: float) -> float:
    """Nearest-rank percentile of values (ms); 0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[max(0, math.ceil(pct / 100 * len(ordered)) - 1)]


async def step(
    scenario: str, target: str, call: Call, cursor: Iterator[int], *, clients: int, seconds: float
) -> Measure:
    """`clients` closed-loop clients for `seconds`, each taking the stream's next request."""
    latencies: list[float] = []
    failures: list[str] = []
    deadline = time.perf_counter() + seconds

    async def client() -> None:
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            try:
                await call(next(cursor))
            except FAILURES as e:
                failures.append(f"{type(e).__name__}: {e}".strip())
            latencies.append((time.perf_counter() - started) * 1000)

    started = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(clients)))
    elapsed = time.perf_counter() - started
    return Measure(
        scenario,
        target,
        clients,
        len(latencies),
        percentile(latencies, 50),
        percentile(latencies, 95),
        percentile(latencies, 99),
        len(latencies) / elapsed,
        len(failures),
        failures[0] if failures else None,
    )


def failures(measures: Sequence[Measure]) -> list[Measure]:
    """The measures with a failed request: any of them voids the report."""
    return [m for m in measures if m.errors]


def find(
    measures: Sequence[Measure], scenario: str, target: str, clients: int | None = None
) -> Measure | None:
    """The measure of a scenario and target at `clients`, or its highest-throughput step."""
    own = [m for m in measures if m.scenario == scenario and m.target == target]
    if clients is not None:
        own = [m for m in own if m.clients == clients]
    return max(own, key=lambda m: m.rps, default=None)


def summary(measures: Sequence[Measure]) -> list[str]:
    """What the table says in ratios: API overhead, capacity, lexical cost over a plain match."""
    lines = [line for name in SCENARIOS if (line := _scenario_line(measures, name))]
    for name, what in (("lexical query", "our lexical query"), ("lexical", "with the facets")):
        if line := _plain_ratio(measures, name):
            lines.append(f"{what} {line}")
    return lines


def _scenario_line(measures: Sequence[Measure], name: str) -> str | None:
    """Best throughput of each target, and the API's p95 over raw Elasticsearch's at 1 client."""
    best = [m for target in ("api", "es") if (m := find(measures, name, target))]
    parts = [
        f"{name}: max {m.rps:.0f} req/s {m.target} ({m.clients} clients, p95 {m.p95:.1f} ms)"
        for m in best
    ]
    api, es = find(measures, name, "api", 1), find(measures, name, "es", 1)
    if api and es and es.p95:
        parts.append(f"API/ES p95 at 1 client {api.p95 / es.p95:.2f}x")
    return "; ".join(parts) or None


def _plain_ratio(measures: Sequence[Measure], name: str) -> str | None:
    """How many plain matches one raw request of a scenario costs (p50 at 1 client)."""
    ours, plain = find(measures, name, "es", 1), find(measures, "plain match", "es", 1)
    most, most_plain = find(measures, name, "es"), find(measures, "plain match", "es")
    if not (ours and plain and most and most_plain and plain.p50):
        return None
    return (
        f"costs {ours.p50 / plain.p50:.1f}x a plain match (raw p50 at 1 client {ours.p50:.1f} "
        f"vs {plain.p50:.1f} ms; max req/s {most.rps:.0f} vs {most_plain.rps:.0f})"
    )


# Search arguments the Python client sends in the URL, not the body: name -> URL parameter.
URL_PARAMETERS = {
    "source_includes": "_source_includes",
    "request_cache": "request_cache",
    "ignore_unavailable": "ignore_unavailable",
}


def es_request(body: dict[str, Any]) -> tuple[str, bytes]:
    """The URL query and JSON body the Python client would send for these search arguments."""
    arguments = dict(body)
    params = []
    for name, param in URL_PARAMETERS.items():
        if name in arguments:
            value = arguments.pop(name)
            text = ",".join(value) if isinstance(value, list) else str(value).lower()
            params.append(f"{param}={quote(text)}")
    return "&".join(params), json.dumps(arguments).encode()


class Targets:
    """The two ends the clients load: the API over HTTP and Elasticsearch's `_search`."""

    def __init__(self, http: aiohttp.ClientSession, api_url: str, es_url: str) -> None:
        self.http = http
        self.api_url = api_url.rstrip("/")
        self.es_url = es_url.rstrip("/")

    async def api_get(self, path: str, params: dict[str, str]) -> None:
        """GET an API route; anything but a 200 is a failure."""
        async with self.http.get(self.api_url + path, params=params) as response:
            await self._read(response)

    async def api_post(self, path: str, body: dict[str, Any]) -> None:
        """POST JSON to an API route; anything but a 200 is a failure."""
        async with self.http.post(self.api_url + path, json=body) as response:
            await self._read(response)

    async def search(self, index: str, body: dict[str, Any]) -> dict[str, Any]:
        """One raw search, answered as Elasticsearch answers the API."""
        query, payload = es_request(body)
        url = f"{self.es_url}/{index}/_search?{query}"
        headers = {"content-type": "application/json"}
        async with self.http.post(url, data=payload, headers=headers) as response:
            answer: dict[str, Any] = json.loads(await self._read(response))
            return answer

    @staticmethod
    async def _read(response: aiohttp.ClientResponse) -> bytes:
        data = await response.read()
        if response.status != 200:
            raise RequestFailedError(f"{response.status} from {response.url}: {data[:200]!r}")
        return data


class Scenarios:
    """Each scenario's API call and, where one compares, its raw Elasticsearch twin."""

    def __init__(self, targets: Targets, work: Workload, prefix: str, *, learned: bool) -> None:
        self.t = targets
        self.work = work
        self.prefix = prefix
        self.learned = learned
        self.facets = Filters(facets=queries.FACETS)  # the search box: nothing selected

    def index(self, entities: Sequence[str]) -> str:
        """Comma-joined aliases of entities."""
        return ",".join(f"{self.prefix}-{e}" for e in entities)

    def calls(self, scenario: str) -> tuple[Call | None, Call | None]:
        """(API call, raw Elasticsearch call) of a scenario; None where there is none."""
        w, t = self.work, self.t
        texts, prefixes = w.texts, w.prefixes
        if scenario == "autocomplete":
            return (
                lambda i: t.api_get("/v1/autocomplete", {"q": prefixes[i % len(prefixes)]}),
                lambda i: self.raw_autocomplete(prefixes[i % len(prefixes)]),
            )
        if scenario == "plain match":
            body = queries.plain_label_body
            return None, lambda i: self.raw(body(texts[i % len(texts)], PAGE))
        if scenario == "extract":
            descriptions = [d[:EXTRACT_CHARS] for d in w.descriptions]
            path = "/v1/competences/extract"
            return lambda i: t.api_post(path, {"text": descriptions[i % len(descriptions)]}), None

        mode = "lexical" if scenario == "lexical query" else scenario
        facets = () if scenario == "lexical query" else queries.DEFAULT_FACETS
        params = {"mode": mode} | ({"facets": "none"} if not facets else {})

        def api(i: int) -> Awaitable[None]:
            return t.api_get("/v1/search", {"q": texts[i % len(texts)], **params})

        return api, lambda i: self.raw_search(texts[i % len(texts)], mode, facets, i)

    async def raw(self, body: dict[str, Any], entities: Sequence[str] = SEARCHED) -> None:
        """One raw search over the search box's indices."""
        await self.t.search(self.index(entities), body)

    async def raw_autocomplete(self, typed: str) -> None:
        """The API's completion request, then its word-prefix request (when it may add) and
        its completion allowing typos while fewer distinct labels than suggestions were found."""
        labels = await self._completions(typed, fuzzy=False)
        if len(labels) < SUGGESTIONS and queries.word_pass_may_add(typed, len(labels)):
            depth = autocomplete_depth(SUGGESTIONS, learned=self.learned)
            body = queries.autocomplete_body(typed, depth, self.prefix)
            answer = await self.t.search(self.index(queries.AUTOCOMPLETE_TYPES), body)
            labels |= {h["_source"].get("libelle", "").casefold() for h in answer["hits"]["hits"]}
        if len(labels) < SUGGESTIONS:
            await self._completions(typed, fuzzy=True)

    async def _completions(self, typed: str, *, fuzzy: bool) -> set[str]:
        body = queries.complete_body(typed, SUGGESTIONS * COMPLETION_DEPTH, fuzzy=fuzzy)
        answer = await self.t.search(self.index(queries.COMPLETION_TYPES), body)
        options = queries.completion_options(answer) or []
        return {o["_source"]["libelle"].casefold() for o in options}

    async def raw_search(self, text: str, mode: str, facets: Sequence[str], i: int) -> None:
        """The requests `/v1/search` sends for a mode, concurrently as the API sends them."""
        q = queries.clean_query(text)
        calls = []
        if mode != "semantic" or facets:
            calls.append(self.raw_lexical(q, 0 if mode == "semantic" else PAGE, facets))
        if mode != "lexical":
            vector = self.work.vectors[i % len(self.work.vectors)]
            calls.append(self.raw(queries.knn_body(vector, PAGE, self.facets)))
        await asyncio.gather(*calls)

    async def raw_lexical(self, q: str, size: int, facets: Sequence[str]) -> None:
        """The lexical leg: the words as typed, then allowing typos if that found little."""
        body = queries.lexical_body(q, SEARCHED, self.facets, size, facets=facets)
        if queries.found_little(await self.t.search(self.index(SEARCHED), body)):
            fuzzy = queries.lexical_body(q, SEARCHED, self.facets, size, facets=facets, fuzzy=True)
            await self.raw(fuzzy)


async def warm(scenarios: Scenarios, seconds: float) -> None:
    """Connections opened and engine caches warm before anything is measured."""
    count = itertools.count(len(scenarios.work.texts) // 2)  # away from the measured start
    for name in ("autocomplete", "lexical"):
        api, _ = scenarios.calls(name)
        assert api is not None
        await step("warmup", "api", api, count, clients=4, seconds=seconds)


async def run_bench(
    api_url: str,
    es_url: str,
    work: Workload,
    *,
    prefix: str,
    learned: bool,
    steps: Sequence[int] = STEPS,
    seconds: float = STEP_SECONDS,
    only: Sequence[str] = SCENARIOS,
) -> list[Measure]:
    """Every scenario at every step, API then raw Elasticsearch. The API's query texts never
    repeat within a run (one stream for every search mode: its vector cache sees each once)."""
    timeout = aiohttp.ClientTimeout(total=REQUEST_TIMEOUT)
    connector = aiohttp.TCPConnector(limit=2 * max(steps), keepalive_timeout=KEEPALIVE)
    results = []
    async with aiohttp.ClientSession(timeout=timeout, connector=connector) as http:
        scenarios = Scenarios(Targets(http, api_url, es_url), work, prefix, learned=learned)
        await warm(scenarios, min(seconds, 1.0))
        streams = {"api": itertools.count(), "es": itertools.count()}
        for name in (s for s in SCENARIOS if s in only):
            api, raw = scenarios.calls(name)
            own = {"api": itertools.count(), "es": itertools.count()}  # prefixes, descriptions
            for clients in steps:
                if name == "extract" and clients > EXTRACT_CLIENTS:
                    continue
                for target, call in (("api", api), ("es", raw)):
                    if call is not None:
                        cursor = streams[target] if name in SEARCHES else own[target]
                        measure = await step(
                            name, target, call, cursor, clients=clients, seconds=seconds
                        )
                        results.append(measure)
    return results


def query_vectors(embedder: str, texts: Sequence[str]) -> list[list[float]]:
    """Query vectors of these texts, with the API's encoder, in one batch."""
    from embeddings import load_embedder  # noqa: PLC0415 (loads the model)

    matrix = np.asarray(load_embedder(embedder).queries(list(texts)), dtype=np.float32)
    return [[float(x) for x in row] for row in matrix]


@dataclass(frozen=True)
class IngestMeasure:
    """Offers ingestion throughput."""

    offers: int
    seconds: float

    @property
    def rate(self) -> float:
        """Offers per second."""
        return self.offers / self.seconds if self.seconds else 0.0


OFFER_QUERIES = 300  # distinct territory-facet searches, sent in turn
OFFER_STEPS = (1, 16)


async def offer_facet_load(
    es_url: str, alias: str, departements: Sequence[str], words: Sequence[str]
) -> list[Measure]:
    """Offers searches as the API sends them: a title word and/or a département, every facet."""
    bodies = []
    for n in range(OFFER_QUERIES):
        selected: dict[str, tuple[str, ...]] = {}
        if n % 2:
            selected["departement"] = (departements[n % len(departements)],)
        filters = Filters(selected, offer_queries.OFFER_FACETS)
        text = words[n % len(words)] if n % 3 else ""
        bodies.append(offer_queries.offer_search_bodies(text, filters, PAGE))
    timeout = aiohttp.ClientTimeout(total=REQUEST_TIMEOUT)
    connector = aiohttp.TCPConnector(keepalive_timeout=KEEPALIVE)
    async with aiohttp.ClientSession(timeout=timeout, connector=connector) as http:
        targets = Targets(http, "", es_url)

        async def call(i: int) -> None:  # hits and facets, concurrently, as the API sends them
            await asyncio.gather(*(targets.search(alias, b) for b in bodies[i % len(bodies)]))

        await step("warmup", "es", call, itertools.count(), clients=4, seconds=1.0)
        return [
            await step(
                "offres facets", "es", call, itertools.count(), clients=n, seconds=STEP_SECONDS
            )
            for n in OFFER_STEPS
        ]
