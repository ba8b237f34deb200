"""Relevance evaluation of appellation search on labelled job-ad titles.

Each labelled query is a job-ad title with the ROME code (and, when known, the appellation)
the recruiter chose. For every mode, and for a plain BM25 baseline on the same index, we rank
appellations and report ROME top-1/top-5 (rolled up to the fiche métier, and exact), appellation
top-1/top-5 and MRR, on all rows and on the non-trivial ones.
"""

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, Field

from evaluation.data import read_jsonl
from evaluation.services import api_services
from search_api.common.facets import Filters
from search_api.common.fusion import Mode
from search_api.search.hits import Hit
from search_api.search.service import SearchService
from search_api.settings import ApiSettings

RANK_DEPTH = 20  # appellations fetched per query; enough for five distinct ROME codes


class LabelledQuery(BaseModel):
    """One line of a titles JSONL file (the eval-dev format)."""

    query: str = Field(description="Job-ad title as typed by the recruiter.")
    rome: str = Field(description="ROME code of the ad (fiche métier or emploi).")
    rome_parent: str = Field(description="That code rolled up to its fiche métier.")
    appellation_code: str | None = Field(default=None, description="code_ogr, when known.")
    trivial: bool = Field(default=False, description="Title = appellation label + '(H/F)'.")


@dataclass(frozen=True)
class Ranked:
    """What one system returned for one query: appellations with their fiche and parent."""

    appellations: list[str]
    romes: list[str]
    parents: list[str]


def read_labelled(path: Path) -> list[LabelledQuery]:
    """Labelled queries of a titles JSONL file."""
    return read_jsonl(path, LabelledQuery)


def distinct(codes: Sequence[str]) -> list[str]:
    """Codes in first-seen order without repeats."""
    return list(dict.fromkeys(codes))


def rank_of(wanted: str | None, ranked: Sequence[str]) -> int | None:
    """1-based rank of wanted, or None."""
    if wanted is None or wanted not in ranked:
        return None
    return ranked.index(wanted) + 1


def metrics(labels: Sequence[LabelledQuery], results: Sequence[Ranked]) -> dict[str, float]:
    """ROME (parent and exact), appellation top-k and MRR over paired labels and results."""
    n = len(labels)
    if n == 0:
        return {}
    parent_ranks = [
        rank_of(q.rome_parent, distinct(r.parents)) for q, r in zip(labels, results, strict=True)
    ]
    exact_ranks = [rank_of(q.rome, distinct(r.romes)) for q, r in zip(labels, results, strict=True)]
    with_app = [(q, r) for q, r in zip(labels, results, strict=True) if q.appellation_code]
    app_ranks = [rank_of(q.appellation_code, r.appellations) for q, r in with_app]

    def top(ranks: list[int | None], k: int) -> float:
        return sum(1 for x in ranks if x is not None and x <= k) / max(len(ranks), 1)

    return {
        "rome@1": top(parent_ranks, 1),
        "rome@5": top(parent_ranks, 5),
        "rome_exact@1": top(exact_ranks, 1),
        "rome_exact@5": top(exact_ranks, 5),
        "appellation@1": top(app_ranks, 1),
        "appellation@5": top(app_ranks, 5),
        "mrr": sum(1 / x for x in parent_ranks if x) / n,
        "n": float(n),
    }


def _ranked(hits: list[Hit]) -> Ranked:
    return Ranked(
        appellations=[h.id for h in hits],
        romes=[h.source["fiche"]["code"] for h in hits],
        parents=[h.source["parent"]["code"] for h in hits],
    )


async def _system(service: SearchService, q: str, mode: Mode | None) -> Ranked:
    """One system's appellations for a query; no mode is the plain BM25 baseline."""
    if mode is None:
        return _ranked(await service.plain(q, ("appellations",), RANK_DEPTH))
    ranked = await service.ranked(
        q, ("appellations",), mode, Filters(), RANK_DEPTH, with_facets=False
    )
    return _ranked(ranked.hits)


async def evaluate(
    settings: ApiSettings, labels: Sequence[LabelledQuery]
) -> dict[str, dict[str, dict[str, float]]]:
    """Metrics per system (baseline, lexical, semantic, hybrid, and hybrid reordered by the
    learned title ranker when its artefact is built) and subset (all, non-trivial)."""
    report: dict[str, dict[str, dict[str, float]]] = {}
    async with api_services(settings) as services:
        learned = services.search
        unlearned = SearchService(learned.engine, learned.encoder, learned.rrf_k)
        systems: list[tuple[str, SearchService, Mode | None]] = [
            ("bm25 baseline", unlearned, None),
            ("lexical", unlearned, "lexical"),
            ("semantic", unlearned, "semantic"),
            ("hybrid", unlearned, "hybrid"),
        ]
        if learned.learned is not None:
            systems.append(("hybrid + title ranker", learned, "hybrid"))
        for name, service, mode in systems:
            results = [await _system(service, q.query, mode) for q in labels]
            hard = [i for i, q in enumerate(labels) if not q.trivial]
            report[name] = {
                "all": metrics(labels, results),
                "non-trivial": metrics([labels[i] for i in hard], [results[i] for i in hard]),
            }
    return report


def run_evaluation(settings: ApiSettings, path: Path) -> dict[str, dict[str, dict[str, float]]]:
    """Synchronous entry point for the CLI."""
    return asyncio.run(evaluate(settings, read_labelled(path)))
