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

from search_api.common.engine import Engine
from search_api.common.facets import FacetCount, Filters, facet_counts
from search_api.profile import queries

CORE_WEIGHT = 2.0


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


@dataclass(frozen=True)
class Matches:
    """Fiches a profile opens, best first, with the total and the facet counts."""

    matches: list[Match]
    total: int
    facets: dict[str, list[FacetCount]]


@dataclass(frozen=True)
class CodedProfile:
    """A profile from compétence codes: macro weights, their labels, codes not found."""

    weights: dict[str, float]
    labels: dict[str, str]
    unknown: list[str]


class Matcher:
    """Ranks fiches for a profile of macro-compétences."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    async def profile_of_codes(self, codes: list[str]) -> CodedProfile:
        """Macro weights (1 each), macro labels and unknown codes, from compétence codes."""
        ids = list(dict.fromkeys(codes))
        docs = await self.engine.mget("competences", ids, ["macro"])
        weights: dict[str, float] = {}
        labels: dict[str, str] = {}
        unknown = []
        for code in ids:
            macro = docs.get(code, {}).get("macro")
            if macro is None:
                unknown.append(code)
                continue
            weights[macro["code_ogr"]] = 1.0
            labels[macro["code_ogr"]] = macro["libelle"]
        return CodedProfile(weights, labels, unknown)

    async def rank(
        self, profile: dict[str, float], filters: Filters, *, with_facets: bool = True
    ) -> Matches:
        """Candidate fiches re-scored and sorted, their total and the facet counts."""
        body = queries.match_body(profile, filters, with_facets=with_facets)
        response = await self.engine.search(("fiches",), body)
        matches = sorted(
            (score_fiche(profile, h["_source"]) for h in response["hits"]["hits"]),
            key=lambda m: (-m.score, m.code_rome),
        )
        aggs = response.get("aggregations", {})
        total = int(response["hits"]["total"]["value"])
        return Matches(matches, total, facet_counts(aggs, filters))
