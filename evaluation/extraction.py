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

from pydantic import BaseModel, Field

from evaluation.data import read_jsonl
from evaluation.descriptions.metrics import KS, mean, precision_at, recall_at
from evaluation.services import api_services
from search_api.common.facets import Filters
from search_api.deps import Services
from search_api.profile.extraction import profile_of
from search_api.settings import ApiSettings


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


def level_metrics(pairs: Sequence[tuple[set[str], list[str]]]) -> dict[str, float]:
    """Recall@k and precision@5 averaged over the ads that have labels at this level."""
    out = {f"recall@{k}": mean([recall_at(w, r, k) for w, r in pairs]) for k in KS}
    out["precision@5"] = mean([precision_at(w, r, 5) for w, r in pairs])
    out["n"] = float(sum(1 for w, _ in pairs if w))
    return out


async def _one_ad(
    services: Services, ad: LabelledAd, parents: dict[str, str]
) -> tuple[tuple[set[str], list[str]], tuple[set[str], list[str]], bool, bool]:
    """Code pair, macro pair, and whether the exact / parent ROME is in the match's top 5."""
    reading = await services.extractor.read(ad.text)
    fiches = services.extractor.likely_fiches(ad.text, reading.clauses)
    found = await services.extractor.extract(ad.text, reading.clauses, fiches)
    wanted = {c.code for c in ad.competences}
    macro_of = await services.records.macros_of(sorted(wanted))
    ranked_macros = list(
        dict.fromkeys(f.source["macro"]["code_ogr"] for f in found if f.source.get("macro"))
    )
    kept = [f for f in found if f.score >= services.extractor.threshold]  # the API's default
    likely = dict(fiches)
    matches = await services.matcher.rank(
        profile_of(kept)[0], Filters(), with_facets=False, likely=likely
    )
    top = [m.code_rome for m in matches.matches[:5]]
    parent = parents.get(ad.rome, ad.rome) in {parents.get(c, c) for c in top}
    return (
        (wanted, [f.code for f in found]),
        (set(macro_of.values()), ranked_macros),
        ad.rome in top,
        parent,
    )


async def evaluate_profiles(
    settings: ApiSettings, ads: Sequence[LabelledAd]
) -> dict[str, dict[str, float]]:
    """Compétence-level and macro-level metrics, and ROME in the top 5 of the match."""
    code_pairs, macro_pairs = [], []
    exact_hits = parent_hits = 0
    async with api_services(settings) as services:
        parents = await services.records.parents()
        for ad in ads:
            codes, macros, exact, parent = await _one_ad(services, ad, parents)
            code_pairs.append(codes)
            macro_pairs.append(macros)
            exact_hits += exact
            parent_hits += parent
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


def run_profile_evaluation(settings: ApiSettings, path: Path) -> dict[str, dict[str, float]]:
    """Synchronous entry point for the CLI."""
    return asyncio.run(evaluate_profiles(settings, read_ads(path)))
