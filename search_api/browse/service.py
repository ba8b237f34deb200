"""Browsing the fiches métier by entry point."""

from search_api.browse import queries
from search_api.common.engine import Engine
from search_api.common.facets import FacetCount, bucket_values


class BrowseService:
    """Entry point lists and the fiches under them."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    async def entry_points(self, kind: str) -> list[FacetCount]:
        """Values of one entry point with their number of fiches métier."""
        response = await self.engine.search(("fiches",), queries.entry_points_body(kind))
        return bucket_values(response["aggregations"]["values"])

    async def metiers(
        self, letter: str | None, selected: dict[str, str], size: int
    ) -> tuple[int, list[tuple[str, str]]]:
        """Total and (code, title) of the fiches métier chosen, alphabetical."""
        response = await self.engine.search(
            ("fiches",), queries.browse_body(letter, selected, size)
        )
        hits = response["hits"]["hits"]
        return int(response["hits"]["total"]["value"]), [
            (h["_id"], str(h["_source"]["libelle"])) for h in hits
        ]
