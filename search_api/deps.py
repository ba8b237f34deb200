"""Dependencies handing lifespan-owned objects to routes."""

from typing import Annotated

from elasticsearch import AsyncElasticsearch
from fastapi import Depends, Request, params

from search_api.service import SearchService


def _es(request: Request) -> AsyncElasticsearch:
    client: AsyncElasticsearch = request.app.state.es
    return client


def _service(request: Request) -> SearchService:
    service: SearchService = request.app.state.service
    return service


Es = Annotated[AsyncElasticsearch, Depends(_es)]
Service = Annotated[SearchService, Depends(_service)]


def facet(example: str) -> params.Query:
    """A multi-select facet filter query parameter, documented with one example value."""
    return params.Query(description="Facet filter; repeat for OR.", examples=[[example]])
