"""The learned title ranker in the search: it reorders the appellations and fiches of a
hybrid search; without its artefact the fused (RRF) order stands.

The ranker (`ranking.titles`) proposes appellations of its own (nearest labels and real ad
titles) next to the engine's; those the engine did not return are fetched by id, unless facet
filters are active, when only appellations the engine found under them may be shown.
"""

import asyncio
import logging
import math
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from indexer.suggestions import POPULARITY_SCALE
from ranking.titles import ARTEFACT_FILE, ArtefactError, TitleCandidate, TitleRanker
from search_api.common.engine import Engine
from search_api.search import queries
from search_api.search.hits import Hit

log = logging.getLogger("metierscope.api")
RERANK_DEPTH = 50  # appellations the ranker returns; the first page never needs more
GROUPS = ("fiches", "appellations", "competences", "savoirs")  # the search box's order
# Autocomplete's fallback passes (the completion field carries popularity in its weights,
# indexer/suggestions.py): an appellation's engine score grows with how often real ads mean
# it, score x (1 + USEFULNESS_WEIGHT x log(1 + POPULARITY_SCALE x share of ads)).
USEFULNESS_WEIGHT = 0.3  # tuned on training-title prefixes (0.1: worse; 0.3 to 3: a plateau)


def load_ranker(model_dir: Path) -> TitleRanker | None:
    """The title ranker artefact, or None (logged) when it was not built."""
    path = model_dir / ARTEFACT_FILE
    if not path.is_file():
        log.warning("no title ranker at %s: the unlearned (RRF) ranking serves", path)
        return None
    try:
        ranker = TitleRanker.load(path)
    except ArtefactError as e:  # built by another version of the code: retrain
        log.warning("%s: the unlearned (RRF) ranking serves until `metierscope train`", e)
        return None
    log.info("title ranker %s loaded", ranker.version)
    return ranker


def candidates(lexical: Sequence[Hit], semantic: Sequence[Hit]) -> list[TitleCandidate]:
    """The engine's appellations with their rank and score in each leg."""
    lex = {h.id: (r, h.score) for r, h in enumerate(lexical, 1) if h.entity == "appellations"}
    sem = {h.id: (r, h.score) for r, h in enumerate(semantic, 1) if h.entity == "appellations"}
    return [
        TitleCandidate(
            code,
            lexical_rank=lex[code][0] if code in lex else None,
            lexical_score=lex[code][1] if code in lex else None,
            semantic_rank=sem[code][0] if code in sem else None,
            semantic_score=sem[code][1] if code in sem else None,
        )
        for code in dict.fromkeys([*lex, *sem])
    ]


def grouped(hits: list[Hit]) -> list[Hit]:
    """Métiers first, then appellations, compétences, savoirs; each group keeps its order."""
    return sorted(hits, key=lambda h: GROUPS.index(h.entity))


class LearnedOrder:
    """Applies the title ranker to the hits of one hybrid search."""

    def __init__(
        self, ranker: TitleRanker, engine: Engine, weight: float = USEFULNESS_WEIGHT
    ) -> None:
        self.ranker = ranker
        self.engine = engine
        self.weight = weight  # of popularity in autocomplete

    async def reorder(
        self,
        q: str,
        fused: list[Hit],
        lexical: list[Hit],
        semantic: list[Hit],
        *,
        entities: tuple[str, ...],
        filtered: bool,
        window: int,
    ) -> list[Hit]:
        """Appellations in the ranker's order, fiches in the order of their best appellation,
        then the rest as fused; grouped by type. Of what the engine did not return, only the
        first `window` appellations and fiches, those a page can show, are fetched."""
        scored = await asyncio.to_thread(
            self.ranker.rank, q, None, candidates(lexical, semantic), RERANK_DEPTH
        )
        found = {(h.entity, h.id): h for h in fused}
        if filtered:  # the ranker knows no facet: keep what the engine found under them
            scored = [s for s in scored if ("appellations", s.code) in found]
        fiche_order = list(dict.fromkeys(s.fiche for s in scored))
        fetches = [self._fetch(q, found, "appellations", [s.code for s in scored[:window]])]
        if "fiches" in entities and not filtered:
            fetches.append(self._fetch(q, found, "fiches", fiche_order[:window]))
        await asyncio.gather(*fetches)  # one engine round trip's wait, not two
        scored = [s for s in scored if ("appellations", s.code) in found]  # gone from the index
        appellations = [replace(found["appellations", s.code], score=s.score) for s in scored]
        rank_of = {code: i for i, code in enumerate(fiche_order)}
        fiches = sorted(
            (h for h in found.values() if h.entity == "fiches"),
            key=lambda h: rank_of.get(h.id, len(rank_of)),
        )
        learned = {("appellations", s.code) for s in scored}
        rest = [h for h in fused if h.entity == "appellations" and (h.entity, h.id) not in learned]
        items = [h for h in fused if h.entity not in {"appellations", "fiches"}]
        return grouped([*fiches, *appellations, *rest, *items])

    def usefulness(self, hit: Hit) -> float:
        """The factor on an autocomplete suggestion's score: 1 for what is no appellation."""
        if hit.entity != "appellations":
            return 1.0
        share = self.ranker.popularity(hit.id)
        return 1.0 + self.weight * math.log1p(POPULARITY_SCALE * share)

    async def _fetch(
        self, q: str, found: dict[tuple[str, str], Hit], entity: str, codes: list[str]
    ) -> None:
        """Add the documents of the codes the engine did not return, highlighted."""
        missing = [c for c in codes if (entity, c) not in found]
        if not missing:
            return
        response = await self.engine.search((entity,), queries.by_ids_body(q, missing))
        for hit in response["hits"]["hits"]:
            fragments = hit.get("highlight", {}).get("libelle") or [None]
            found[entity, hit["_id"]] = Hit(entity, hit["_id"], 0.0, hit["_source"], fragments[0])
