"""A person's compétences -> the fiches they open, with what is covered and what is missing.

The unit is the macro-compétence: a savoir-faire counts for its macro. A fiche's score is the
F1 of two shares:
- coverage: how much of the fiche's macro-compétences the person has, core ones (coeur de
  métier) weighing CORE_WEIGHT, the others 1;
- fit: how much of the person's profile the fiche uses (weighted by the confidence of each
  compétence when it came from free text).
Coverage alone would favour fiches with three macros; fit alone, fiches that need everything.
"""

from dataclasses import dataclass
from typing import Any

from search_api import queries
from search_api.service import SearchService, guarded

CORE_WEIGHT = 2.0
CANDIDATES = 100  # fiches sharing the most weighted macros, re-scored exactly
# What scoring reads of a fiche: its macros and their flags, not the full compétence lists.
FICHE_SOURCE = [
    "code_rome",
    "libelle",
    "competences.macros.code_ogr",
    "competences.macros.libelle",
    "competences.macros.coeur_metier",
    "competences.macros.competences.coeur_metier",
]


@dataclass(frozen=True)
class MacroRef:
    """A macro-compétence of a fiche."""

    code: str
    libelle: str
    coeur_metier: bool


@dataclass(frozen=True)
class Match:
    """One fiche scored against a profile."""

    code_rome: str
    libelle: str
    score: float
    coverage: float
    covered: list[MacroRef]
    missing: list[MacroRef]


def fiche_macros(fiche: dict[str, Any]) -> list[MacroRef]:
    """The fiche's macro-compétences, core first; core if flagged or any savoir-faire is."""
    out = []
    for group in fiche.get("competences", []):
        for macro in group["macros"]:
            if macro["code_ogr"] == "?":
                continue
            core = bool(macro.get("coeur_metier")) or any(
                c["coeur_metier"] for c in macro.get("competences", [])
            )
            out.append(MacroRef(macro["code_ogr"], macro["libelle"], core))
    return sorted(out, key=lambda m: (not m.coeur_metier, m.libelle))


def score_fiche(profile: dict[str, float], fiche: dict[str, Any]) -> Match:
    """Score of a fiche for a profile (macro code -> weight in (0, 1])."""
    macros = fiche_macros(fiche)
    covered = [m for m in macros if m.code in profile]
    missing = [m for m in macros if m.code not in profile]
    weight = {m.code: CORE_WEIGHT if m.coeur_metier else 1.0 for m in macros}
    total = sum(weight.values())
    coverage = sum(weight[m.code] for m in covered) / total if total else 0.0
    profile_total = sum(profile.values())
    fit = sum(profile[m.code] for m in covered) / profile_total if profile_total else 0.0
    score = 2 * coverage * fit / (coverage + fit) if coverage + fit else 0.0
    return Match(fiche["code_rome"], fiche["libelle"], score, coverage, covered, missing)


def candidates_body(
    profile: dict[str, float], filters: queries.Filters, *, with_facets: bool = True
) -> dict[str, Any]:
    """Fiches sharing at least one macro-compétence, by summed profile weight, with facets
    counted before the selections (multi-select, as in search)."""
    shared = [
        {"constant_score": {"filter": {"term": {"macro_codes": code}}, "boost": weight}}
        for code, weight in profile.items()
    ]
    body: dict[str, Any] = {
        "query": {"bool": {"should": shared, "minimum_should_match": 1}},
        "size": CANDIDATES,
        "_source": FICHE_SOURCE,
        "track_total_hits": True,
    }
    if with_facets:
        body["aggs"] = queries.facet_aggs(filters)
    post = queries.post_filter(filters)
    if post:
        body["post_filter"] = post
    return body


async def rank_fiches(
    service: SearchService,
    profile: dict[str, float],
    filters: queries.Filters,
    *,
    with_facets: bool = True,
) -> tuple[list[Match], int, dict[str, Any]]:
    """Candidate fiches re-scored and sorted, their total and the raw facet aggregations."""
    body = candidates_body(profile, filters, with_facets=with_facets)
    response = await guarded(service.es.search(index=service.alias("fiches"), **body))
    matches = sorted(
        (score_fiche(profile, h["_source"]) for h in response["hits"]["hits"]),
        key=lambda m: (-m.score, m.code_rome),
    )
    aggs = {k: v for k, v in response.get("aggregations", {}).items() if k != "type"}
    return matches, int(response["hits"]["total"]["value"]), aggs
