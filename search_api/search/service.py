"""Search execution: sends the bodies built in `queries`, fuses the legs, returns typed hits."""

import asyncio
from collections.abc import Awaitable
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from search_api.common.engine import Engine
from search_api.common.facets import FacetCount, Filters, facet_counts
from search_api.common.fusion import Mode, fuse
from search_api.encoder import QueryEncoder
from search_api.search import queries

EntityType = Literal["appellation", "fiche", "competence", "savoir"]
ENTITY_OF_TYPE: dict[EntityType, str] = {
    "appellation": "appellations",
    "fiche": "fiches",
    "competence": "competences",
    "savoir": "savoirs",
}
TYPE_OF_ENTITY: dict[str, EntityType] = {entity: kind for kind, entity in ENTITY_OF_TYPE.items()}
FACETED_ENTITIES = ("appellations", "fiches")  # the documents that carry facet fields
MAX_WINDOW = 200  # ranks fused per leg; deeper pages are not worth two full searches


@dataclass(frozen=True)
class Hit:
    """One result: an appellation, fiche, compétence or savoir."""

    entity: str
    id: str
    score: float
    source: dict[str, Any]
    highlight: str | None

    @property
    def type(self) -> EntityType:
        """The kind of record."""
        return TYPE_OF_ENTITY[self.entity]

    @property
    def libelle(self) -> str:
        """Its label."""
        return str(self.source.get("libelle", ""))

    @property
    def fiche_code(self) -> str | None:
        """An appellation's fiche, a fiche's own code, None for an item."""
        if self.entity == "appellations":
            return str(self.source["fiche"]["code"])
        return self.id if self.entity == "fiches" else None


@dataclass
class Ranked:
    """Hits of one search with their total and facet counts."""

    hits: list[Hit]
    total: int
    facets: dict[str, list[FacetCount]] = field(default_factory=dict)


class SearchService:
    """The searches of the API over one engine and one query encoder."""

    def __init__(self, engine: Engine, encoder: QueryEncoder, rrf_k: int) -> None:
        self.engine = engine
        self.encoder = encoder
        self.rrf_k = rrf_k

    def _hits(self, response: dict[str, Any]) -> list[Hit]:
        out = []
        for hit in response["hits"]["hits"]:
            fragments = hit.get("highlight", {})
            text = (fragments.get("libelle") or fragments.get(queries.PREFIX_FIELD) or [None])[0]
            entity = self.engine.entity_of(hit["_index"])
            out.append(Hit(entity, hit["_id"], float(hit["_score"] or 0.0), hit["_source"], text))
        return out

    async def ranked(
        self,
        q: str,
        entities: tuple[str, ...],
        mode: Mode,
        filters: Filters,
        window: int,
        *,
        with_facets: bool,
    ) -> Ranked:
        """Hits of the requested mode (lexical, kNN or their RRF fusion), total and facets."""
        q = queries.clean_query(q)
        window = min(window, MAX_WINDOW)
        lexical_leg = mode != "semantic" or with_facets
        calls: list[Awaitable[dict[str, Any]]] = []
        if lexical_leg:
            size = 0 if mode == "semantic" else window
            body = queries.lexical_body(q, entities, filters, size, with_facets=with_facets)
            calls.append(self.engine.search(entities, body))
        if mode != "lexical":
            vector = await self.encoder.encode(q)
            calls.append(self.engine.search(entities, queries.knn_body(vector, window, filters)))
        responses = await asyncio.gather(*calls)
        lexical = responses[0] if lexical_leg else None
        facets = self.facets(lexical.get("aggregations", {}), filters) if lexical else {}
        if mode == "lexical":
            assert lexical is not None
            return Ranked(self._hits(lexical), int(lexical["hits"]["total"]["value"]), facets)
        semantic = self._hits(responses[-1])
        if mode == "semantic":
            return Ranked(semantic, len(semantic), facets)
        assert lexical is not None
        fused = fuse(self._hits(lexical), semantic, lambda h: f"{h.entity}:{h.id}", self.rrf_k)
        hits = [replace(hit, score=score) for hit, score in fused]
        return Ranked(hits, int(lexical["hits"]["total"]["value"]), facets)

    def facets(self, aggs: dict[str, Any], filters: Filters) -> dict[str, list[FacetCount]]:
        """Facet counts; the type facet names kinds of record, not physical indices."""
        counts = facet_counts(aggs, filters)
        if queries.TYPE_FACET in counts:
            kinds = []
            for c in counts[queries.TYPE_FACET]:
                entity = self.engine.entity_of(c.value)
                kind = TYPE_OF_ENTITY.get(entity, entity)
                kinds.append(replace(c, value=kind, label=kind))
            counts[queries.TYPE_FACET] = kinds
        return counts

    async def plain(self, q: str, entities: tuple[str, ...], size: int) -> list[Hit]:
        """The reference ranking: plain BM25 on the label (see `queries.plain_label_body`)."""
        response = await self.engine.search(entities, queries.plain_label_body(q, size))
        return self._hits(response)

    async def autocomplete(self, q: str, size: int) -> list[Hit]:
        """Suggestions for the characters typed so far, each label once."""
        body = queries.autocomplete_body(q, size * 2, self.engine.prefix)
        response = await self.engine.search(queries.AUTOCOMPLETE_TYPES, body)
        seen: set[str] = set()
        hits = []
        for hit in self._hits(response):
            label = hit.libelle.casefold()
            if label not in seen:
                seen.add(label)
                hits.append(hit)
        return hits[:size]
