"""The ASGI application: lifespan-owned clients, routers, one error handler."""

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from elasticsearch import AsyncElasticsearch
from fastapi import FastAPI

from embeddings import load_embedder
from search_api.clauses import load_nlp
from search_api.contract import ContractMismatchError, check_contract
from search_api.encoder import QueryEncoder
from search_api.errors import ApiError, install_error_handler
from search_api.extraction import Extractor
from search_api.routes import (
    browse,
    health,
    marche,
    offres,
    profile,
    records,
    search,
    territoires,
)
from search_api.service import SearchService
from search_api.settings import ApiSettings

log = logging.getLogger("metierscope.api")


def create_app(settings: ApiSettings | None = None) -> FastAPI:
    """Build the app; the Elasticsearch client and the query encoder live as long as it."""
    config = settings or ApiSettings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        client = AsyncElasticsearch(config.es_url, request_timeout=config.es_request_timeout)
        encoder = QueryEncoder(load_embedder(config.embedder))
        try:
            await check_contract(client, config.index_prefix, encoder.contract)
        except ApiError as e:  # engine down or not indexed yet: /ready reports it
            log.warning("starting without a verified index: %s", e.detail)
        except ContractMismatchError:
            await client.close()
            raise
        app.state.es = client
        app.state.service = SearchService(client, encoder, config.index_prefix, config.rrf_k)
        app.state.extractor = Extractor(app.state.service, await asyncio.to_thread(load_nlp))
        app.state.settings = config
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
    app.include_router(health.router)
    app.include_router(search.router)
    app.include_router(records.router)
    app.include_router(browse.router)
    app.include_router(profile.router)
    app.include_router(territoires.router)
    app.include_router(offres.router)
    app.include_router(marche.router)
    return app
