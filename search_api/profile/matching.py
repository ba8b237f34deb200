"""A person's compétences -> the fiches they open, with what is covered and what is missing.

The unit is the macro-compétence: a savoir-faire counts for its macro. A fiche's score is the
F1 of two shares:
- coverage: how much of the fiche's macro-compétences the person has, core ones (coeur de
  métier) weighing CORE_WEIGHT, the others 1;
- fit: how much of the person's profile the fiche uses (weighted by the confidence of each
  compétence when it came from free text).
Coverage alone would favour fiches with three macros; fit alone, fiches that need everything.

From a free text with the learned models, the métier the person did comes first: for each fiche
métier the classifier finds likely (probability >= MIN_FICHE_PROBABILITY), most likely first, its
best fiche by F1; then every other fiche by F1. The score shown stays the F1.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ranking.competences import MIN_FICHE_PROBABILITY
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
    parent: str = ""  # its fiche métier
    prior: float = 0.0  # probability that the text describes its fiche métier (0 if unlikely)


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


def score_fiche(
    profile: dict[str, float], fiche: dict[str, Any], likely: Mapping[str, float] | None = None
) -> Match:
    """Score of a fiche for a profile (macro code -> weight in (0, 1]) and, from a text, the
    probabilities of the fiches métier it likely describes."""
    macros = fiche_macros(fiche)
    covered = [m for m in macros if m.code in profile]
    missing = [m for m in macros if m.code not in profile]
    weight = {m.code: CORE_WEIGHT if m.coeur_metier else 1.0 for m in macros}
    total = sum(weight.values())
    coverage = sum(weight[m.code] for m in covered) / total if total else 0.0
    profile_total = sum(profile.values())
    fit = sum(profile[m.code] for m in covered) / profile_total if profile_total else 0.0
    score = 2 * coverage * fit / (coverage + fit) if coverage + fit else 0.0
    parent = fiche.get("parent", {}).get("code", fiche["code_rome"])
    prior = (likely or {}).get(parent, 0.0)
    prior = prior if prior >= MIN_FICHE_PROBABILITY else 0.0
    return Match(
        fiche["code_rome"], fiche["libelle"], score, coverage, covered, missing, parent, prior
    )


def likely_first(matches: list[Match]) -> list[Match]:
    """The best fiche of each likely fiche métier (most likely first), then the rest by F1."""
    by_score = sorted(matches, key=lambda m: (-m.score, m.code_rome))
    leaders: dict[str, Match] = {}
    for match in sorted(by_score, key=lambda m: -m.prior):  # stable: best F1 first per parent
        if match.prior > 0:
            leaders.setdefault(match.parent, match)
    return [*leaders.values(), *(m for m in by_score if m not in leaders.values())]


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
        self,
        profile: dict[str, float],
        filters: Filters,
        *,
        with_facets: bool = True,
        likely: Mapping[str, float] | None = None,
    ) -> Matches:
        """Candidate fiches re-scored and sorted, their total and the facet counts; `likely`:
        fiche métier -> probability that the text describes it."""
        body = queries.match_body(profile, filters, with_facets=with_facets, likely=likely)
        response = await self.engine.search(("fiches",), body)
        matches = likely_first(
            [score_fiche(profile, h["_source"], likely) for h in response["hits"]["hits"]]
        )
        aggs = response.get("aggregations", {})
        total = int(response["hits"]["total"]["value"])
        return Matches(matches, total, facet_counts(aggs, filters))
