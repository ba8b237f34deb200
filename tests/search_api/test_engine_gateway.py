"""The gateway refuses partial results: a search over an index with a shard that has no copy
(a node lost without a replica) is an engine error, never hits with some missing. Against the
real engine: one alias is whole, the other's only shard can be allocated nowhere."""

import asyncio
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from elasticsearch import ApiError as EngineApiError
from elasticsearch import AsyncElasticsearch, Elasticsearch

from search_api.common.engine import Engine
from search_api.errors import EngineUnavailableError

pytestmark = pytest.mark.integration
EVERYTHING: dict[str, Any] = {"query": {"match_all": {}}}


@pytest.fixture
def half_red(es_url) -> Iterator[str]:
    """A prefix whose `fiches` index holds one document and whose `appellations` index is red
    (its shard may only go to a node that does not exist); both dropped after."""
    prefix = f"gateway-{uuid.uuid4().hex[:8]}"
    es = Elasticsearch(es_url)
    whole, red = f"{prefix}-fiches-1", f"{prefix}-appellations-1"
    es.indices.create(
        index=whole, settings={"number_of_replicas": 0}, aliases={f"{prefix}-fiches": {}}
    )
    es.index(index=whole, id="M1805", document={"code": "M1805"}, refresh=True)
    es.indices.create(
        index=red,
        settings={"number_of_replicas": 0, "index.routing.allocation.require._name": "nowhere"},
        aliases={f"{prefix}-appellations": {}},
        wait_for_active_shards="0",
    )
    try:
        yield prefix
    finally:
        es.indices.delete(index=[whole, red])
        es.close()


def test_a_search_missing_a_shard_fails_instead_of_answering_part_of_the_hits(es_url, half_red):
    async def scenario() -> tuple[int, int | None, bool]:
        es = AsyncElasticsearch(es_url)
        engine = Engine(es, half_red)
        try:
            whole = await engine.search(("fiches",), EVERYTHING)
            try:
                await engine.search(("fiches", "appellations"), EVERYTHING)
                status = None
            except EngineApiError as e:
                status = e.meta.status  # the app's handler answers it as a 503 (test_limits)
            try:
                await engine.msearch([(("fiches", "appellations"), EVERYTHING)])
                refused = False
            except EngineUnavailableError:
                refused = True
            return whole["hits"]["total"]["value"], status, refused
        finally:
            await es.close()

    assert asyncio.run(scenario()) == (1, 503, True)
