"""Territories by name, postcode or code, and the lists under a région or département."""

from typing import Any

from models.territoires import TerritoireSummary
from search_api.common.engine import Engine
from search_api.territoires import queries

ENTITY = "territoires"


class TerritoiresService:
    """The territories index."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    async def search(self, q: str, types: tuple[str, ...], size: int) -> list[TerritoireSummary]:
        """Territories matching what was typed, best first."""
        response = await self.engine.search((ENTITY,), queries.search_body(q, types, size))
        return _territoires(response)

    async def children(
        self, kind: str, parent: tuple[str, str] | None = None
    ) -> tuple[int, list[TerritoireSummary]]:
        """Total and territories of one kind under a parent (field, code), alphabetical."""
        response = await self.engine.search((ENTITY,), queries.list_body(kind, parent))
        return int(response["hits"]["total"]["value"]), _territoires(response)


def _territoires(response: dict[str, Any]) -> list[TerritoireSummary]:
    """The territories of a search response (their `_source` is `queries.SOURCE`)."""
    return [TerritoireSummary.model_validate(h["_source"]) for h in response["hits"]["hits"]]
