"""Territories: as-you-type search by name, postcode or code, and browsing down the tree."""

from typing import Annotated

from fastapi import APIRouter, Path, Query

from models.territoires import TerritoireSummary, TerritoireType
from search_api.common.schemas import ERRORS, NOT_FOUND
from search_api.deps import Territoires
from search_api.errors import NotFoundError
from search_api.territoires.schemas import (
    Territoire,
    TerritoireList,
    TerritoireResponse,
)

router = APIRouter(prefix="/v1/territoires", tags=["territoires"], responses=ERRORS)


def _list(total: int, found: list[TerritoireSummary]) -> TerritoireList:
    return TerritoireList(total=total, territoires=[Territoire.of(t) for t in found])


@router.get("/search")
async def search_territoires(
    territoires: Territoires,
    q: Annotated[
        str,
        Query(
            min_length=1,
            max_length=100,
            description="Name, postcode or code typed.",
            examples=["ardè"],
        ),
    ],
    types: Annotated[
        list[TerritoireType] | None,
        Query(description="Restrict to these kinds.", examples=[["departement", "commune"]]),
    ] = None,
    size: Annotated[int, Query(ge=1, le=50, description="Results.", examples=[10])] = 10,
) -> TerritoireResponse:
    """Régions, départements and communes by the first letters of their name (accents, hyphens
    and "St"/"Saint" do not matter), by postcode or by INSEE code."""
    kinds = tuple(types or ("region", "departement", "commune"))
    found = await territoires.search(q, kinds, size)
    return TerritoireResponse(query=q, results=[Territoire.of(t) for t in found])


@router.get("/regions")
async def list_regions(territoires: Territoires) -> TerritoireList:
    """Every région, alphabetical."""
    return _list(*await territoires.children("region"))


@router.get("/regions/{code}/departements", responses=NOT_FOUND)
async def list_departements(
    territoires: Territoires,
    code: Annotated[str, Path(pattern=r"^\d{2}$", description="Région code.", examples=["84"])],
) -> TerritoireList:
    """The départements of a région."""
    found = _list(*await territoires.children("departement", ("region", code)))
    if not found.total:
        raise NotFoundError(f"no région {code} (or it has no département)")
    return found


@router.get("/departements/{code}/communes", responses=NOT_FOUND)
async def list_communes(
    territoires: Territoires,
    code: Annotated[
        str,
        Path(pattern=r"^(?:\d{2,3}|2[ABab])$", description="Département code.", examples=["07"]),
    ],
) -> TerritoireList:
    """The communes of a département."""
    found = _list(*await territoires.children("commune", ("departement", code.upper())))
    if not found.total:
        raise NotFoundError(f"no département {code.upper()}")
    return found
