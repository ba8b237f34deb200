"""The one gateway to Elasticsearch: aliases, and engine trouble mapped to a 503 in one place.

Services send the bodies their `queries` module builds through an `Engine`; routes never see
the client. Searches refuse partial results: a shard with no copy left (a node lost without a
replica) makes the engine answer 503 rather than 200 with some of the hits silently missing.
"""

from collections.abc import Awaitable
from typing import Any, TypeVar

from elastic_transport import ConnectionError as TransportConnectionError
from elastic_transport import ConnectionTimeout
from elasticsearch import AsyncElasticsearch, NotFoundError

from search_api.errors import EngineUnavailableError

T = TypeVar("T")
NOT_INDEXED = "the search indices do not exist yet: run `metierscope index`"


async def guarded(call: Awaitable[T]) -> T:
    """Await an Elasticsearch call; engine trouble becomes a 503, never a 500."""
    try:
        return await call
    except (TransportConnectionError, ConnectionTimeout) as e:
        raise EngineUnavailableError("Elasticsearch did not answer in time") from e
    except NotFoundError as e:
        raise EngineUnavailableError(NOT_INDEXED) from e


class Engine:
    """One async Elasticsearch client and the alias prefix of the indices it serves."""

    def __init__(self, es: AsyncElasticsearch, prefix: str) -> None:
        self.es = es
        self.prefix = prefix

    def alias(self, *entities: str) -> str:
        """Alias (or comma-joined aliases) of entity indices."""
        return ",".join(f"{self.prefix}-{e}" for e in entities)

    def entity_of(self, index: str) -> str:
        """Entity of a physical index name `<prefix>-<entity>-<stamp>`."""
        return index.removeprefix(f"{self.prefix}-").split("-", 1)[0]

    async def search(self, entities: tuple[str, ...], body: dict[str, Any]) -> dict[str, Any]:
        """One search request over the entities' aliases."""
        response = await guarded(
            self.es.search(index=self.alias(*entities), allow_partial_search_results=False, **body)
        )
        return dict(response.body)

    async def msearch(
        self, searches: list[tuple[tuple[str, ...], dict[str, Any]]]
    ) -> list[dict[str, Any]]:
        """Several (entities, body) searches in one round trip; a failed one is a 503."""
        lines: list[dict[str, Any]] = []
        for entities, body in searches:
            lines += [{"index": self.alias(*entities), "allow_partial_search_results": False}, body]
        answers: list[dict[str, Any]] = (await guarded(self.es.msearch(searches=lines)))[
            "responses"
        ]
        for answer in answers:
            if "error" in answer:
                error = answer["error"]
                reason = error.get("reason", error) if isinstance(error, dict) else error
                raise EngineUnavailableError(f"a search failed in the engine: {reason}")
        return answers

    async def get(self, entity: str, code: str) -> dict[str, Any] | None:
        """One document by id without its vector, or None if there is no such id."""
        try:
            doc = await self.es.get(index=self.alias(entity), id=code, source_excludes=["vector"])
        except NotFoundError as e:
            if isinstance(e.body, dict) and e.body.get("found") is False:
                return None
            raise EngineUnavailableError(NOT_INDEXED) from e
        except (TransportConnectionError, ConnectionTimeout) as e:
            raise EngineUnavailableError("Elasticsearch did not answer in time") from e
        return dict(doc["_source"])

    async def mget(
        self, entity: str, ids: list[str], source: list[str]
    ) -> dict[str, dict[str, Any]]:
        """Sources of the documents found among these ids, by id, in the order asked."""
        if not ids:
            return {}
        found = await guarded(
            self.es.mget(index=self.alias(entity), ids=ids, source_includes=source)
        )
        return {d["_id"]: d["_source"] for d in found["docs"] if d.get("found")}

    async def count(self, entity: str) -> int:
        """Documents in an entity's index."""
        return int((await guarded(self.es.count(index=self.alias(entity))))["count"])

    async def health(self) -> tuple[str, int]:
        """Cluster health colour and number of nodes."""
        health = await guarded(self.es.cluster.health())
        return str(health["status"]), int(health["number_of_nodes"])
