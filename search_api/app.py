"""The ASGI application: lifespan-owned clients and services, routers, one error handler."""

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from elasticsearch import AsyncElasticsearch
from fastapi import FastAPI

from embeddings import load_embedder
from search_api.browse import routes as browse
from search_api.browse.service import BrowseService
from search_api.common import paths  # noqa: F401 (registers the path convertors)
from search_api.common.engine import Engine
from search_api.contract import ContractMismatchError, check_contract
from search_api.deps import Services
from search_api.encoder import QueryEncoder
from search_api.errors import ApiError, install_error_handler
from search_api.health import routes as health
from search_api.journey import routes as journey
from search_api.journey.deps import install_journey
from search_api.limits import ConcurrencyCap, RateLimiter
from search_api.middleware import install_middleware
from search_api.offres import routes as offres
from search_api.offres.service import OffresService
from search_api.profile import routes as profile
from search_api.profile.clauses import load_nlp
from search_api.profile.extraction import Extractor
from search_api.profile.learned import absent_status, load_learned
from search_api.profile.matching import Matcher
from search_api.records import routes as records
from search_api.records.service import RecordsService
from search_api.search import routes as search
from search_api.search.learned import LearnedOrder, load_ranker
from search_api.search.service import SearchService
from search_api.settings import ApiSettings
from search_api.territoires import routes as territoires
from search_api.territoires.service import TerritoiresService
from search_api.web import routes as web

log = logging.getLogger("metierscope.api")


async def build_services(config: ApiSettings, client: AsyncElasticsearch) -> Services:
    """Every domain service over one client and one query encoder (also used by evaluation)."""
    engine = Engine(client, config.index_prefix)
    encoder = QueryEncoder(load_embedder(config.embedder))
    nlp = await asyncio.to_thread(load_nlp)
    ranker = await asyncio.to_thread(load_ranker, config.model_dir)
    learned = LearnedOrder(ranker, engine) if ranker else None
    extraction = await asyncio.to_thread(load_learned, config.model_dir, ranker)
    titles = (
        {"status": "loaded", "version": ranker.version, "fingerprint": ranker.fingerprint}
        if ranker
        else {"status": "absent", "fallback": "unlearned ranking (RRF of BM25 and kNN)"}
    )
    return Services(
        engine=engine,
        encoder=encoder,
        search=SearchService(engine, encoder, config.rrf_k, learned),
        records=RecordsService(engine),
        browse=BrowseService(engine),
        territoires=TerritoiresService(engine),
        offres=OffresService(engine, encoder, config.rrf_k),
        extractor=Extractor(engine, encoder, nlp, extraction),
        matcher=Matcher(engine),
        models={
            "titles": titles,
            "extraction": extraction.status() if extraction else absent_status(),
        },
    )


def create_app(settings: ApiSettings | None = None) -> FastAPI:
    """Build the app; the Elasticsearch client and the services live as long as it."""
    config = settings or ApiSettings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        client = AsyncElasticsearch(
            config.es_urls,
            request_timeout=config.es_request_timeout,
            # A dead node refuses or resets the connection: that ConnectionError is retried at
            # once on the next node, and the dead one is left alone 1 s, 2 s, ... up to 30 s
            # (the client's dead-node backoff) between probes. Every node gets a try, never
            # fewer than the client's default 3. A timeout is not retried: the engine is slow
            # rather than gone, and a second try would outlast the API's own timeout.
            max_retries=max(3, len(config.es_urls)),
            retry_on_timeout=False,
        )
        services = await build_services(config, client)
        try:
            await check_contract(services.engine, services.encoder.contract)
        except ApiError as e:  # engine down or not indexed yet: /ready reports it
            log.warning("starting without a verified index: %s", e.reason)
        except ContractMismatchError:
            await client.close()
            raise
        app.state.services = services
        app.state.settings = config
        app.state.heavy = ConcurrencyCap(config.heavy_concurrency, config.heavy_queue)
        app.state.heavy_budget = RateLimiter(
            config.heavy_rate_per_second, config.heavy_burst, config.rate_limit_exempt
        )
        try:
            yield
        finally:
            await client.close()

    app = FastAPI(
        title="MétierScope",
        description="Search France's ROME 4.0 métiers, appellations, compétences and savoirs.",
        version="0.1.0",
        lifespan=lifespan,
    )
    install_error_handler(app)
    install_middleware(app, config)
    install_journey(app)  # after the others: its timing wraps them all
    # Profile before records: OPTIONS /v1/metiers/match must name POST, not the GET of
    # /v1/metiers/{code_rome}, in its Allow header.
    for feature in (health, search, profile, records, browse, territoires, offres):
        app.include_router(feature.router)
    app.include_router(journey.router)  # CV, Passer à l'action, /metrics, /stats
    app.include_router(web.router)  # the pages, at / (the JSON API stays under /v1)
    app.mount("/static", web.static_files(), name="static")
    return app
