"""The ASGI application: lifespan-owned clients, routers, one error handler."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from elasticsearch import AsyncElasticsearch
from fastapi import FastAPI

from search_api.errors import install_error_handler
from search_api.routes import health
from search_api.settings import ApiSettings


def create_app(settings: ApiSettings | None = None) -> FastAPI:
    """Build the app; the Elasticsearch client lives as long as the app."""
    config = settings or ApiSettings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        client = AsyncElasticsearch(config.es_url, request_timeout=config.es_request_timeout)
        app.state.es = client
        try:
            yield
        finally:
            await client.close()

    app = FastAPI(
        title="MétierScope",
        description="Search France's ROME 4.0 métiers, appellations and compétences.",
        version="0.1.0",
        lifespan=lifespan,
    )
    install_error_handler(app)
    app.include_router(health.router)
    return app
