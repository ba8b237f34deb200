"""Search execution: sends the bodies built in `queries`, fuses the legs, returns typed hits."""

import asyncio
from collections.abc import Awaitable
from dataclasses import dataclass, field, replace
from typing import Any

from search_api.common.engine import Engine
from search_api.common.facets import FacetCount, Filters, facet_counts
from search_api.common.fusion import Mode, fuse
from search_api.encoder import QueryEncoder
from search_api.search import queries
from search_api.search.hits import TYPE_OF_ENTITY, Hit
from search_api.search.learned import LearnedOrder

MAX_WINDOW = 200  # ranks fused per leg; deeper pages are not worth two full searches
AUTOCOMPLETE_DEPTH = 4  # suggestions fetched per one shown when popularity reorders them


@dataclass
class Ranked:
    """Hits of one search with their total and facet counts."""

    hits: list[Hit]
    total: int
    facets: dict[str, list[FacetCount]] = field(default_factory=dict)


class SearchService:
    """The searches of the API over one engine and one query encoder."""

    def __init__(
        self,
        engine: Engine,
        encoder: QueryEncoder,
        rrf_k: int,
        learned: LearnedOrder | None = None,
    ) -> None:
        self.engine = engine
        self.encoder = encoder
        self.rrf_k = rrf_k
        self.learned = learned  # the title ranker, when its artefact was built

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
        lexical_hits = self._hits(lexical)
        fused = fuse(lexical_hits, semantic, lambda h: f"{h.entity}:{h.id}", self.rrf_k)
        hits = [replace(hit, score=score) for hit, score in fused]
        if self.learned is not None and "appellations" in entities:
            hits = await self.learned.reorder(
                q, hits, lexical_hits, semantic, entities=entities, filtered=filters.active
            )
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
        depth = size * (AUTOCOMPLETE_DEPTH if self.learned else 2)  # room to reorder, dedupe
        body = queries.autocomplete_body(q, depth, self.engine.prefix)
        response = await self.engine.search(queries.AUTOCOMPLETE_TYPES, body)
        found = self._hits(response)
        if self.learned is not None:
            weigh = self.learned.usefulness
            found = sorted(found, key=lambda h: -h.score * weigh(h))
        seen: set[str] = set()
        hits = []
        for hit in found:
            label = hit.libelle.casefold()
            if label not in seen:
                seen.add(label)
                hits.append(hit)
        return hits[:size]
