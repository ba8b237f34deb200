"""Single records: a complete fiche, a compétence with its tree and fiches, métiers proches."""

from typing import Annotated

from fastapi import APIRouter, Path, Query

from search_api.common.schemas import ERRORS, NOT_FOUND
from search_api.deps import Records, RomeCode
from search_api.errors import NotFoundError
from search_api.records.schemas import (
    CompetenceDetail,
    CompetenceRef,
    Fiche,
    Proche,
    ProchesResponse,
)
from search_api.records.service import MacroName

router = APIRouter(prefix="/v1", tags=["records"], responses={**ERRORS, **NOT_FOUND})

OgrCode = Annotated[str, Path(pattern=r"^\d{1,9}$", description="OGR code.", examples=["300303"])]


@router.get("/metiers/{code_rome:rome}")
async def get_metier(records: Records, code_rome: RomeCode) -> Fiche:
    """The complete fiche métier or emploi."""
    doc = await records.fiche(code_rome.upper())
    if doc is None:
        raise NotFoundError(f"no fiche {code_rome.upper()} in ROME")
    return Fiche.of(doc)


@router.get("/competences/{code:ogr}")
async def get_competence(records: Records, code: OgrCode) -> CompetenceDetail:
    """A compétence with its domaine > enjeu > objectif > macro path and its fiches."""
    doc = await records.competence(code)
    if doc is None:
        raise NotFoundError(f"no compétence {code} in ROME")
    return CompetenceDetail.of(doc)


def _refs(names: list[MacroName]) -> list[CompetenceRef]:
    return [CompetenceRef(code=n.code, libelle=n.libelle) for n in names]


@router.get("/metiers/{code_rome:rome}/proches")
async def get_proches(
    records: Records,
    code_rome: RomeCode,
    size: Annotated[
        int, Query(ge=1, le=50, description="Computed métiers wanted.", examples=[10])
    ] = 10,
) -> ProchesResponse:
    """Official mobilités, then métiers sharing the most macro-compétences, with what differs."""
    code = code_rome.upper()
    found = await records.proches(code, size)
    if found is None:
        raise NotFoundError(f"no fiche {code} in ROME")
    libelle, rows = found
    proches = [
        Proche(
            code_rome=row.code,
            libelle=row.libelle,
            source="mobilite" if row.ordre is not None else "competences",
            ordre=row.ordre,
            score=round(row.score, 4),
            shared=_refs(row.shared),
            missing=_refs(row.missing),
        )
        for row in rows
    ]
    return ProchesResponse(code_rome=code, libelle=libelle, proches=proches)
