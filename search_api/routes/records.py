"""Single records: a complete fiche, a compétence with its tree and fiches."""

from typing import Annotated

from fastapi import APIRouter, Path, Query

from search_api.deps import Service
from search_api.errors import NotFoundError
from search_api.schemas import (
    ERRORS,
    NOT_FOUND,
    CompetenceDetail,
    CompetenceRef,
    Fiche,
    Proche,
    ProchesResponse,
)
from search_api.service import fetch_proches, macro_labels

router = APIRouter(prefix="/v1", tags=["records"], responses={**ERRORS, **NOT_FOUND})

RomeCode = Annotated[
    str, Path(pattern=r"^[A-Na-n]\d{4}$", description="ROME code.", examples=["M1805"])
]
OgrCode = Annotated[str, Path(pattern=r"^\d{1,9}$", description="OGR code.", examples=["300303"])]


@router.get("/metiers/{code_rome}")
async def get_metier(service: Service, code_rome: RomeCode) -> Fiche:
    """The complete fiche métier or emploi."""
    doc = await service.get("fiches", code_rome.upper())
    if doc is None:
        raise NotFoundError(f"no fiche {code_rome.upper()} in ROME")
    return Fiche.model_validate(doc)


@router.get("/competences/{code}")
async def get_competence(service: Service, code: OgrCode) -> CompetenceDetail:
    """A compétence with its domaine > enjeu > objectif > macro path and its fiches."""
    doc = await service.get("competences", code)
    if doc is None:
        raise NotFoundError(f"no compétence {code} in ROME")
    return CompetenceDetail.model_validate(doc)


@router.get("/metiers/{code_rome}/proches")
async def get_proches(
    service: Service,
    code_rome: RomeCode,
    size: Annotated[
        int, Query(ge=1, le=50, description="Computed métiers wanted.", examples=[10])
    ] = 10,
) -> ProchesResponse:
    """Official mobilités, then métiers sharing the most macro-compétences, with what differs."""
    code = code_rome.upper()
    found = await fetch_proches(service, code, size)
    if found is None:
        raise NotFoundError(f"no fiche {code} in ROME")
    source, rows = found
    labels = macro_labels(source)
    proches = []
    for row in rows:
        names = {**labels, **macro_labels(row.fiche)}
        proches.append(
            Proche(
                code_rome=row.code,
                libelle=row.fiche["libelle"],
                source="mobilite" if row.ordre is not None else "competences",
                ordre=row.ordre,
                score=round(row.score, 4),
                shared=[CompetenceRef(code=c, libelle=names[c]) for c in row.shared],
                missing=[CompetenceRef(code=c, libelle=names[c]) for c in row.missing],
            )
        )
    return ProchesResponse(code_rome=code, libelle=source["libelle"], proches=proches)
