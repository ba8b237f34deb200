""" "Ce que j'ai fait": free text -> compétences with evidence -> the métiers they open."""

from typing import Any

from fastapi import APIRouter

from search_api.common.facets import Filters
from search_api.common.schemas import ERRORS, facet_values
from search_api.deps import Extraction, Matching
from search_api.errors import InvalidInputError
from search_api.limits import HeavySlot
from search_api.profile.clauses import Reading
from search_api.profile.extraction import Found, profile_of
from search_api.profile.matching import MacroRef
from search_api.profile.schemas import (
    ClauseInfo,
    CompetenceType,
    Evidence,
    ExtractedCompetence,
    ExtractRequest,
    ExtractResponse,
    MacroCoverage,
    MatchByText,
    MatchHit,
    MatchRequest,
    MatchResponse,
)
from search_api.records.schemas import CompetenceRef
from search_api.search.queries import FACETS

router = APIRouter(prefix="/v1", tags=["profile"], responses=ERRORS)
MATCH_PROFILE_SIZE = 100  # compétences extracted from a text to build the profile matched


def competence_type(entity: str, source: dict[str, Any]) -> CompetenceType:
    """savoir, macro-compétence, savoir-être professionnel or savoir-faire."""
    if entity == "savoirs":
        return "savoir"
    if source.get("nature") == "Macro-compétence":
        return "macro-compétence"
    if source.get("categorie") == "Savoir-être professionnel":
        return "savoir-être professionnel"
    return "savoir-faire"


def _clause_info(reading: Reading) -> list[ClauseInfo]:
    return [
        ClauseInfo(
            start=c.start,
            end=c.end,
            text=c.text,
            lemmas=list(c.lemmas),
            ignored="négation" if c.negated else None if c.lemmas else "aucune activité",
        )
        for c in reading.clauses
    ]


def _extracted(text: str, found: Found) -> ExtractedCompetence:
    macro = found.source.get("macro")
    return ExtractedCompetence(
        code=found.code,
        libelle=found.source["libelle"],
        type=competence_type(found.entity, found.source),
        score=round(found.score, 4),
        evidence=[Evidence(start=s, end=e, text=text[s:e]) for s, e in found.evidence],
        macro={"code": macro["code_ogr"], "libelle": macro["libelle"]} if macro else None,
        enjeu=found.source.get("enjeu"),
        metier={"code": found.fiche.code, "libelle": found.fiche.libelle} if found.fiche else None,
    )


@router.post("/competences/extract", dependencies=[HeavySlot])
async def extract_competences(body: ExtractRequest, extractor: Extraction) -> ExtractResponse:
    """Compétences recognised in what a person did, each with the words that justify it."""
    result = await extractor.run(body.text, body.threshold, body.size, body.title)
    return ExtractResponse(
        competences=[_extracted(body.text, f) for f in result.found],
        clauses=_clause_info(result.reading),
        reason=result.reason,
    )


def _macro(ref: MacroRef) -> MacroCoverage:
    return MacroCoverage(code=ref.code, libelle=ref.libelle, coeur_metier=ref.coeur_metier)


@router.post("/metiers/match", dependencies=[HeavySlot])
async def match_metiers(
    body: MatchRequest, matcher: Matching, extractor: Extraction
) -> MatchResponse:
    """Fiches ranked by how much of their macro-compétences the profile covers, core first."""
    unknown_facets = sorted(set(body.filters) - set(FACETS))
    if unknown_facets:
        raise InvalidInputError("filters", f"unknown facet(s): {', '.join(unknown_facets)}")
    filters = Filters({k: tuple(v) for k, v in body.filters.items() if v}, FACETS)
    unknown: list[str] = []
    likely: dict[str, float] = {}
    if isinstance(body, MatchByText):
        result = await extractor.run(body.text, None, MATCH_PROFILE_SIZE, body.title)
        profile, labels = profile_of(result.found)
        likely = dict(result.fiches)
    else:
        coded = await matcher.profile_of_codes(body.competences)
        profile, labels, unknown = coded.weights, coded.labels, coded.unknown
    if not profile and not likely:
        return MatchResponse(profile=[], unknown=unknown, total=0, results=[], facets={})
    ranked = await matcher.rank(profile, filters, likely=likely)
    return MatchResponse(
        profile=[CompetenceRef(code=c, libelle=labels[c]) for c in sorted(profile)],
        unknown=unknown,
        total=ranked.total,
        results=[
            MatchHit(
                code_rome=m.code_rome,
                libelle=m.libelle,
                score=round(m.score, 4),
                coverage=round(m.coverage, 4),
                covered=[_macro(r) for r in m.covered],
                missing=[_macro(r) for r in m.missing],
            )
            for m in ranked.matches[: body.size]
        ],
        facets=facet_values(ranked.facets),
    )
