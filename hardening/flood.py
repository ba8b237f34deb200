"""One client floods the CPU-heavy extraction (issue 17, item 5): a small index of its own on the
shared engine, an API process with the production limits, a steady search load from other
visitors measured alone then during the flood. The flood comes from another loopback address
(127.0.0.2), so the API sees a distinct, non-exempt client: its rate limit, its budget of heavy
requests and the cap on them all apply to it and to nobody else. It runs in a process of its own,
as another machine would: in the measuring client's event loop, its own work would count as the
others' latency."""

import asyncio
import multiprocessing
import time
import uuid
from collections import Counter
from dataclasses import dataclass
from multiprocessing.synchronize import Event as ProcessEvent

import httpx
from elasticsearch import Elasticsearch
from rich.console import Console

from evaluation.extraction import read_ads
from hardening.api_process import api_process, wait_serving
from hardening.load import Sample, steady_load
from hardening.outage import FICHES, drop_indices
from indexer.settings import Settings
from indexer.subset import index_fiches

FLOOD_ADDRESS = "127.0.0.2"  # the flooder's own loopback address: a client the API limits
EXTRACT_CHARS = 1000
CLIENT_TIMEOUT = 30.0  # seconds: past the API's own timeout, so a hang shows as a slow sample
FLOODER_START = 60.0  # seconds for the flooding process to import what it needs and begin
FLOOD_RAMP = 2.0  # seconds of flood before the searches are counted: its steady state
SEARCHES = (  # other visitors: the search box, a fiche, the autocomplete, in turn
    "/v1/search?q=boulanger&mode=lexical",
    "/v1/search?q=aide%20a%20domicile",
    "/v1/metiers/M1805",
    "/v1/autocomplete?q=bouch",
    "/v1/search?q=comptable&mode=lexical",
    "/v1/metiers/J1506",
    "/v1/autocomplete?q=infi",
    "/v1/search?q=chauffeur%20poids%20lourd",
)


@dataclass(frozen=True)
class FloodPlan:
    """Seconds of search load alone then under the flood, its rate, and the flood's width."""

    calm: float = 20.0
    flood: float = 20.0
    rate: float = 10.0
    flooders: int = 16  # the flooding client's concurrent connections, each in a closed loop


@dataclass(frozen=True)
class FloodRun:
    """What the searches saw before and during the flood, and how the flood was answered."""

    calm: list[Sample]
    flooded: list[Sample]
    flood_answers: dict[str, int]  # by status ("200", "429", "503") or client error


async def _flooder(
    url: str, texts: list[str], width: int, until: asyncio.Event, answers: Counter[str]
) -> None:
    """`width` closed-loop connections posting extractions as fast as they are answered."""
    transport = httpx.AsyncHTTPTransport(local_address=FLOOD_ADDRESS)
    async with httpx.AsyncClient(
        base_url=url, transport=transport, timeout=CLIENT_TIMEOUT
    ) as client:

        async def loop(offset: int) -> None:
            i = offset
            while not until.is_set():
                try:
                    response = await client.post(
                        "/v1/competences/extract", json={"text": texts[i % len(texts)]}
                    )
                    answers[str(response.status_code)] += 1
                except httpx.HTTPError as e:
                    answers[type(e).__name__] += 1
                i += width

        await asyncio.gather(*(loop(k) for k in range(width)))


def _flood_process(
    url: str,
    texts: list[str],
    width: int,
    *,
    started: ProcessEvent,
    stop: ProcessEvent,
    out: "multiprocessing.Queue[dict[str, int]]",
) -> None:
    """The flooder in its own process: flood from `started` until `stop`, then put how the
    flood was answered on `out`."""
    answers: Counter[str] = Counter()

    async def flood() -> None:
        until = asyncio.Event()
        task = asyncio.create_task(_flooder(url, texts, width, until, answers))
        started.set()
        while not stop.is_set():
            await asyncio.sleep(0.1)
        until.set()
        await task

    asyncio.run(flood())
    out.put(dict(answers))


async def _searches(url: str, rate: float, seconds: float) -> list[Sample]:
    """The other visitors' steady load for `seconds`."""
    done = asyncio.Event()
    load = asyncio.create_task(steady_load(url, SEARCHES, rate, CLIENT_TIMEOUT, done))
    await asyncio.sleep(seconds)
    done.set()
    return await load


async def _run(url: str, texts: list[str], plan: FloodPlan, console: Console) -> FloodRun:
    calm = await _searches(url, plan.rate, plan.calm)
    console.print(f"calm searches: {len(calm)}; flooding from {FLOOD_ADDRESS}")
    spawn = multiprocessing.get_context("spawn")
    started, stop, out = spawn.Event(), spawn.Event(), spawn.Queue()
    flooder = spawn.Process(
        target=_flood_process,
        args=(url, texts, plan.flooders),
        kwargs={"started": started, "stop": stop, "out": out},
        daemon=True,
    )
    flooder.start()
    try:
        if not await asyncio.to_thread(started.wait, FLOODER_START):
            raise RuntimeError("the flooding process did not start")
        await asyncio.sleep(FLOOD_RAMP)
        flooded = await _searches(url, plan.rate, plan.flood)
        stop.set()
        answers = await asyncio.to_thread(out.get, True, CLIENT_TIMEOUT + FLOODER_START)
    finally:
        stop.set()
        flooder.join(timeout=CLIENT_TIMEOUT)
        if flooder.is_alive():
            flooder.kill()
    return FloodRun(calm, flooded, answers)


def flood_texts(settings: Settings) -> list[str]:
    """Real job-ad descriptions cut to the bench's 1,000 characters."""
    ads = read_ads(settings.train_dir / "competences.jsonl")
    return [ad.text[:EXTRACT_CHARS] for ad in ads if len(ad.text) >= EXTRACT_CHARS][:50]


def run_flood(settings: Settings, es_url: str, plan: FloodPlan, console: Console) -> FloodRun:
    """The whole scenario on the engine at `es_url`, under an index prefix of its own (dropped
    after)."""
    prefix = f"chaos-flood-{uuid.uuid4().hex[:8]}"
    es = Elasticsearch(es_url, request_timeout=120)
    texts = flood_texts(settings)
    started = time.monotonic()
    try:
        console.print(f"indexing the sample under {prefix}-*")
        index_fiches(es, settings, prefix, FICHES)
        env = {"METIERSCOPE_INDEX_PREFIX": prefix, "METIERSCOPE_ES_URL": es_url}
        with api_process(env) as url:
            wait_serving(url, SEARCHES)
            console.print(f"API at {url} ({time.monotonic() - started:.0f}s to serve)")
            return asyncio.run(_run(url, texts, plan, console))
    finally:
        drop_indices(es, prefix)
        es.close()
