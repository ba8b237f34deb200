"""Dependencies handing lifespan-owned objects to routes."""

from typing import Annotated

from elasticsearch import AsyncElasticsearch
from fastapi import Depends, Request


def _es(request: Request) -> AsyncElasticsearch:
    client: AsyncElasticsearch = request.app.state.es
    return client


Es = Annotated[AsyncElasticsearch, Depends(_es)]
