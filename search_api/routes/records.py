"""Single records: a complete fiche, a compétence with its tree and fiches."""

from typing import Annotated

from fastapi import APIRouter, Path

from search_api.deps import Service
from search_api.errors import NotFoundError
from search_api.schemas import CompetenceDetail, Fiche

router = APIRouter(prefix="/v1", tags=["records"])

RomeCode = Annotated[
    str, Path(pattern=r"^[A-Na-n]\d{4}$", description="ROME code.", examples=["M1805"])
]
OgrCode = Annotated[str, Path(pattern=r"^\d{1,9}$", description="OGR code.", examples=["100023"])]


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
