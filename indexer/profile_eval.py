"""Evaluation of "ce que j'ai fait": job-ad descriptions with the compétences recruiters chose.

For each ad the extractor ranks compétences and savoirs from the description; we report
recall@5/@10/@20 and precision@5 against the recruiter's labels, at the compétence level (codes)
and at the macro-compétence level (labels and results rolled up to their macro; savoirs have
none and are left out there), and whether the ad's ROME code is in the top 5 of the fiches the
extracted profile opens (exact code and rolled up to the fiche métier). Recruiters label a few
compétences, not all the text shows: recall is the meaningful figure, precision a lower bound.
"""

import asyncio
from collections.abc import Sequence
from pathlib import Path

from elasticsearch import AsyncElasticsearch
from pydantic import BaseModel, Field

from embeddings import load_embedder
from indexer.evaluation import read_jsonl
from search_api import matching, queries
from search_api.clauses import load_nlp, read_text
from search_api.encoder import QueryEncoder
from search_api.extraction import Extractor, profile_of
from search_api.schemas import ExtractRequest
from search_api.service import SearchService

KS = (5, 10, 20)


class LabelledCompetence(BaseModel):
    """A compétence the recruiter attached to the ad."""

    code: str = Field(description="OGR code.")
    libelle: str = Field(description="Label.")


class LabelledAd(BaseModel):
    """One line of a competences JSONL file (the eval-dev format)."""

    text: str = Field(description="Ad description.")
    rome: str = Field(description="ROME code of the ad.")
    competences: list[LabelledCompetence] = Field(description="Compétences labelled.")


def read_ads(path: Path) -> list[LabelledAd]:
    """Labelled ads of a competences JSONL file."""
    return read_jsonl(path, LabelledAd)


def recall_at(wanted: set[str], ranked: Sequence[str], k: int) -> float | None:
    """Share of wanted codes in the first k; None when nothing is wanted."""
    if not wanted:
        return None
    return len(wanted & set(ranked[:k])) / len(wanted)


def precision_at(wanted: set[str], ranked: Sequence[str], k: int) -> float | None:
    """Share of the first k that are wanted (k counts even if fewer were returned)."""
    if not wanted:
        return None
    return len(wanted & set(ranked[:k])) / k


def mean(values: Sequence[float | None]) -> float:
    """Mean of the defined values (0 if none)."""
    kept = [v for v in values if v is not None]
    return sum(kept) / len(kept) if kept else 0.0


def level_metrics(pairs: Sequence[tuple[set[str], list[str]]]) -> dict[str, float]:
    """Recall@k and precision@5 averaged over the ads that have labels at this level."""
    out = {f"recall@{k}": mean([recall_at(w, r, k) for w, r in pairs]) for k in KS}
    out["precision@5"] = mean([precision_at(w, r, 5) for w, r in pairs])
    out["n"] = float(sum(1 for w, _ in pairs if w))
    return out


async def _macros_of(es: AsyncElasticsearch, alias: str, codes: set[str]) -> dict[str, str]:
    """Macro-compétence code_ogr of each compétence code (savoirs and unknown codes absent)."""
    if not codes:
        return {}
    found = await es.mget(index=alias, ids=sorted(codes), source_includes=["macro"])
    return {
        d["_id"]: d["_source"]["macro"]["code_ogr"]
        for d in found["docs"]
        if d.get("found") and d["_source"].get("macro")
    }


async def evaluate_profiles(
    es_url: str, prefix: str, embedder: str, ads: Sequence[LabelledAd]
) -> dict[str, dict[str, float]]:
    """Compétence-level and macro-level metrics, and ROME in the top 5 of the match."""
    es = AsyncElasticsearch(es_url, request_timeout=60)
    service = SearchService(es, QueryEncoder(load_embedder(embedder)), prefix, 60)
    extractor = Extractor(service, load_nlp())
    alias = service.alias("competences")
    threshold = ExtractRequest.model_fields["threshold"].default  # the API's, for the match
    code_pairs, macro_pairs = [], []
    exact_hits = parent_hits = 0
    try:
        parents = await _parents(es, service.alias("fiches"))
        for ad in ads:
            found = await extractor.extract(ad.text, read_text(extractor.nlp, ad.text).clauses)
            ranked = [f.code for f in found]
            wanted = {c.code for c in ad.competences}
            code_pairs.append((wanted, ranked))
            macro_of = await _macros_of(es, alias, wanted)
            ranked_macros = list(
                dict.fromkeys(f.source["macro"]["code_ogr"] for f in found if f.source.get("macro"))
            )
            macro_pairs.append((set(macro_of.values()), ranked_macros))
            kept = [f for f in found if f.score >= threshold]
            matches, _, _ = await matching.rank_fiches(
                service, profile_of(kept)[0], queries.Filters()
            )
            top = [m.code_rome for m in matches[:5]]
            exact_hits += ad.rome in top
            parent_hits += parents.get(ad.rome, ad.rome) in {parents.get(c, c) for c in top}
    finally:
        await es.close()
    n = max(len(ads), 1)
    return {
        "compétences": level_metrics(code_pairs),
        "macro-compétences": level_metrics(macro_pairs),
        "metiers/match": {
            "rome_exact@5": exact_hits / n,
            "rome@5": parent_hits / n,
            "n": float(len(ads)),
        },
    }


async def _parents(es: AsyncElasticsearch, alias: str) -> dict[str, str]:
    """Fiche code -> its fiche métier code, for every fiche."""
    response = await es.search(index=alias, size=2000, source_includes=["parent"])
    return {h["_id"]: h["_source"]["parent"]["code"] for h in response["hits"]["hits"]}


def run_profile_evaluation(
    es_url: str, prefix: str, embedder: str, path: Path
) -> dict[str, dict[str, float]]:
    """Synchronous entry point for the CLI."""
    return asyncio.run(evaluate_profiles(es_url, prefix, embedder, read_ads(path)))
