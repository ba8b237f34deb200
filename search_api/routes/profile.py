""" "Ce que j'ai fait": free text -> compétences with evidence -> the métiers they open."""

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.exceptions import RequestValidationError

from search_api import matching, queries
from search_api.clauses import Reading
from search_api.deps import Service
from search_api.extraction import Extractor, Found, profile_of
from search_api.schemas import (
    ERRORS,
    ClauseInfo,
    CompetenceRef,
    CompetenceType,
    Evidence,
    ExtractedCompetence,
    ExtractRequest,
    ExtractResponse,
    MacroCoverage,
    MatchHit,
    MatchRequest,
    MatchResponse,
)
from search_api.service import guarded

router = APIRouter(prefix="/v1", tags=["profile"], responses=ERRORS)

NOT_FRENCH = "the text does not read as French: MétierScope recognises French descriptions"
NOTHING_TO_READ = "no activity found: describe what you did, e.g. « j'ai tenu la caisse »"
NOTHING_ABOVE = "no compétence reaches the threshold: describe the tasks in more detail"


def _extractor(request: Request) -> Extractor:
    extractor: Extractor = request.app.state.extractor
    return extractor


ExtractorDep = Annotated[Extractor, Depends(_extractor)]


def _invalid(field: tuple[str, ...], message: str) -> RequestValidationError:
    return RequestValidationError([{"loc": ("body", *field), "msg": message, "type": "value"}])


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


async def _extract(
    extractor: Extractor, text: str, threshold: float, size: int
) -> tuple[Reading, list[Found], str | None]:
    """Reading, kept compétences and the reason the list is empty; 422 if not French."""
    reading = await extractor.read(text)
    if not reading.looks_french:
        raise _invalid(("text",), NOT_FRENCH)
    found = await extractor.extract(text, reading.clauses)
    kept = [f for f in found if f.score >= threshold][:size]
    reason = None
    if not kept:
        searched = [c for c in reading.clauses if c.lemmas and not c.negated]
        reason = NOTHING_ABOVE if searched else NOTHING_TO_READ
    return reading, kept, reason


@router.post("/competences/extract")
async def extract_competences(body: ExtractRequest, extractor: ExtractorDep) -> ExtractResponse:
    """Compétences recognised in what a person did, each with the words that justify it."""
    reading, kept, reason = await _extract(extractor, body.text, body.threshold, body.size)
    return ExtractResponse(
        competences=[_extracted(body.text, f) for f in kept],
        clauses=_clause_info(reading),
        reason=reason,
    )


async def _profile_from_codes(
    service: Service, codes: list[str]
) -> tuple[dict[str, float], dict[str, str], list[str]]:
    """Macro weights (1 each), macro labels and unknown codes, from compétence codes."""
    docs = await guarded(
        service.es.mget(
            index=service.alias("competences"),
            ids=list(dict.fromkeys(codes)),
            source_includes=["macro"],
        )
    )
    profile: dict[str, float] = {}
    labels: dict[str, str] = {}
    unknown = []
    for doc in docs["docs"]:
        macro = doc.get("_source", {}).get("macro") if doc.get("found") else None
        if macro is None:
            unknown.append(str(doc["_id"]))
            continue
        profile[macro["code_ogr"]] = 1.0
        labels[macro["code_ogr"]] = macro["libelle"]
    return profile, labels, unknown


@router.post("/metiers/match")
async def match_metiers(
    body: MatchRequest, service: Service, extractor: ExtractorDep
) -> MatchResponse:
    """Fiches ranked by how much of their macro-compétences the profile covers, core first."""
    unknown_facets = sorted(set(body.filters) - set(queries.FACETS))
    if unknown_facets:
        raise _invalid(("filters",), f"unknown facet(s): {', '.join(unknown_facets)}")
    filters = queries.Filters({k: tuple(v) for k, v in body.filters.items() if v})
    unknown: list[str] = []
    if body.text is not None:
        threshold = ExtractRequest.model_fields["threshold"].default
        _, found, _ = await _extract(extractor, body.text, threshold, 100)
        profile, labels = profile_of(found)
    else:
        profile, labels, unknown = await _profile_from_codes(service, body.competences or [])
    profile_refs = [CompetenceRef(code=c, libelle=labels[c]) for c in sorted(profile)]
    if not profile:
        return MatchResponse(profile=[], unknown=unknown, total=0, results=[], facets={})
    matches, total, aggs = await matching.rank_fiches(service, profile, filters)
    return MatchResponse(
        profile=profile_refs,
        unknown=unknown,
        total=total,
        results=[
            MatchHit(
                code_rome=m.code_rome,
                libelle=m.libelle,
                score=round(m.score, 4),
                coverage=round(m.coverage, 4),
                covered=[_macro(r) for r in m.covered],
                missing=[_macro(r) for r in m.missing],
            )
            for m in matches[: body.size]
        ],
        facets=service.facets(aggs, filters),
    )


def _macro(ref: matching.MacroRef) -> MacroCoverage:
    return MacroCoverage(code=ref.code, libelle=ref.libelle, coeur_metier=ref.coeur_metier)
