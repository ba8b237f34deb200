"""Search execution: sends the bodies built in `queries`, fuses the legs, returns typed hits."""

import asyncio
from collections.abc import Awaitable, Collection, Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from ranking.text import fold
from search_api.common.engine import Engine
from search_api.common.facets import FacetCount, Filters, facet_counts
from search_api.common.fusion import Mode, fuse
from search_api.encoder import QueryEncoder
from search_api.search import queries
from search_api.search.hits import TYPE_OF_ENTITY, Hit
from search_api.search.learned import LearnedOrder

MAX_WINDOW = 200  # ranks fused per leg; deeper pages are not worth two full searches
AUTOCOMPLETE_DEPTH = 4  # suggestions fetched per one shown when popularity reorders them
COMPLETION_DEPTH = 2  # completions fetched per one shown: room to drop repeated labels


def autocomplete_depth(size: int, *, learned: bool) -> int:
    """Suggestions fetched for `size` shown: room to reorder by usefulness and to dedupe."""
    return size * (AUTOCOMPLETE_DEPTH if learned else 2)


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
        facets: Collection[str] = queries.DEFAULT_FACETS,
    ) -> Ranked:
        """Hits of the requested mode (lexical, kNN or their RRF fusion), total, and the
        `facets` asked for when `with_facets`."""
        q = queries.clean_query(q)
        window = min(window, MAX_WINDOW)
        counted = tuple(facets) if with_facets else ()
        lexical_leg = mode != "semantic" or bool(counted)  # facets come with the lexical leg
        calls: list[Awaitable[dict[str, Any]]] = []
        if lexical_leg:
            size = 0 if mode == "semantic" else window
            calls.append(self.lexical(q, entities, filters, size, counted))
        if mode != "lexical":  # encoding overlaps the lexical request
            calls.append(self._nearest(q, entities, filters, window))
        responses = await asyncio.gather(*calls)
        lexical = responses[0] if lexical_leg else None
        found = self.facets(lexical.get("aggregations", {}), filters) if lexical else {}
        if mode == "lexical":
            assert lexical is not None
            return Ranked(self._hits(lexical), int(lexical["hits"]["total"]["value"]), found)
        semantic = self._hits(responses[-1])
        if mode == "semantic":
            return Ranked(semantic, len(semantic), found)
        assert lexical is not None
        lexical_hits = self._hits(lexical)
        fused = fuse(lexical_hits, semantic, lambda h: f"{h.entity}:{h.id}", self.rrf_k)
        hits = [replace(hit, score=score) for hit, score in fused]
        if self.learned is not None and "appellations" in entities:
            hits = await self.learned.reorder(
                q,
                hits,
                lexical_hits,
                semantic,
                entities=entities,
                filtered=filters.active,
                window=window,
            )
        return Ranked(hits, int(lexical["hits"]["total"]["value"]), found)

    async def lexical(
        self,
        q: str,
        entities: tuple[str, ...],
        filters: Filters,
        size: int,
        facets: Collection[str],
    ) -> dict[str, Any]:
        """The lexical leg: the words as typed, then allowing typos if that found little."""
        body = queries.lexical_body(q, entities, filters, size, facets=facets)
        response = await self.engine.search(entities, body)
        if queries.found_little(response):
            body = queries.lexical_body(q, entities, filters, size, facets=facets, fuzzy=True)
            response = await self.engine.search(entities, body)
        return response

    async def _nearest(
        self, q: str, entities: tuple[str, ...], filters: Filters, window: int
    ) -> dict[str, Any]:
        vector = await self.encoder.encode(q)
        return await self.engine.search(entities, queries.knn_body(vector, window, filters))

    def facets(self, aggs: dict[str, Any], filters: Filters) -> dict[str, list[FacetCount]]:
        """Facet counts; the type facet names kinds of record, not physical indices."""
        counts = facet_counts(queries.facet_results(aggs), filters)
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
        """Suggestions for the characters typed so far, each label once. The completion field
        answers first (labels that start with the letters, whole or from a later word on);
        while fewer than `size` were found, labels with a word starting with each typed word,
        in any order (unless one word completed nothing), then completions allowing typos,
        complete the list."""
        completed = await self._complete(q, size)
        hits = completed or []
        if len(hits) < size and queries.word_pass_may_add(
            q, None if completed is None else len(hits)
        ):
            hits = distinct([*hits, *await self.word_suggestions(q, size)])[:size]
        if len(hits) < size:
            hits = distinct([*hits, *(await self._complete(q, size, fuzzy=True) or [])])[:size]
        return hits

    async def _complete(self, q: str, size: int, *, fuzzy: bool = False) -> list[Hit] | None:
        """The completion field's suggestions, the label typed whole first, then by weight;
        None when no autocomplete index answered (an install indexed before they existed)."""
        body = queries.complete_body(q, size * COMPLETION_DEPTH, fuzzy=fuzzy)
        options = queries.completion_options(
            await self.engine.search(queries.COMPLETION_TYPES, body)
        )
        if options is None:
            return None
        typed = fold(q.strip())
        found = [
            Hit(
                self.engine.entity_of(o["_index"]), o["_id"], float(o["_score"]), o["_source"], None
            )
            for o in options
        ]
        found.sort(key=lambda h: fold(h.libelle) != typed)  # stable: the rest keep their weight
        return [
            replace(h, highlight=queries.word_highlight(h.libelle, q))
            for h in distinct(found)[:size]
        ]

    async def word_suggestions(self, q: str, size: int) -> list[Hit]:
        """Labels with a word starting with each typed word, in any order, each label once;
        reordered by usefulness when the title ranker is loaded."""
        depth = autocomplete_depth(size, learned=self.learned is not None)
        body = queries.autocomplete_body(q, depth, self.engine.prefix)
        found = self._hits(await self.engine.search(queries.AUTOCOMPLETE_TYPES, body))
        if self.learned is not None:
            weigh = self.learned.usefulness
            found = sorted(found, key=lambda h: -h.score * weigh(h))
        return distinct(found)[:size]


def distinct(hits: Iterable[Hit]) -> list[Hit]:
    """Each label once (case folded), first come first kept."""
    seen: set[str] = set()
    out = []
    for hit in hits:
        label = hit.libelle.casefold()
        if label not in seen:
            seen.add(label)
            out.append(hit)
    return out
