"""The API's services, built outside a web process for evaluation and benchmarks."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from elasticsearch import AsyncElasticsearch

from search_api.app import build_services
from search_api.deps import Services
from search_api.settings import ApiSettings

EVAL_TIMEOUT = 60.0  # seconds: evaluation runs long batches, not interactive requests


@asynccontextmanager
async def api_services(settings: ApiSettings) -> AsyncIterator[Services]:
    """The services the API would build from these settings, closed afterwards."""
    client = AsyncElasticsearch(settings.es_urls, request_timeout=EVAL_TIMEOUT)
    try:
        yield await build_services(settings, client)
    finally:
        await client.close()
