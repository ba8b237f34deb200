"""Territories: as-you-type search by name, postcode or code, and browsing down the tree."""

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query

from search_api import queries
from search_api.deps import Service
from search_api.errors import NotFoundError
from search_api.schemas import (
    ERRORS,
    NOT_FOUND,
    Territoire,
    TerritoireList,
    TerritoireResponse,
    TerritoireType,
)
from search_api.service import guarded

router = APIRouter(prefix="/v1/territoires", tags=["territoires"], responses=ERRORS)

ENTITY = "territoires"
SOURCE = ["type", "code", "libelle", "departement", "region", "codes_postaux"]
MAX_LIST = 2000  # more than the communes of any département (Pas-de-Calais: 890)


def _territoire(source: dict[str, Any]) -> Territoire:
    return Territoire.model_validate(source)


@router.get("/search")
async def search_territoires(
    service: Service,
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
    response = await guarded(
        service.es.search(
            index=service.alias(ENTITY),
            query=queries.territoire_query(q, kinds),
            size=size,
            source_includes=SOURCE,
        )
    )
    return TerritoireResponse(
        query=q, results=[_territoire(h["_source"]) for h in response["hits"]["hits"]]
    )


async def _list(service: Service, filters: list[dict[str, Any]]) -> TerritoireList:
    response = await guarded(
        service.es.search(
            index=service.alias(ENTITY),
            query={"bool": {"filter": filters}},
            sort=[{"libelle.exact": "asc"}],
            size=MAX_LIST,
            source_includes=SOURCE,
            track_total_hits=True,
        )
    )
    return TerritoireList(
        total=int(response["hits"]["total"]["value"]),
        territoires=[_territoire(h["_source"]) for h in response["hits"]["hits"]],
    )


@router.get("/regions")
async def list_regions(service: Service) -> TerritoireList:
    """Every région, alphabetical."""
    return await _list(service, [{"term": {"type": "region"}}])


@router.get("/regions/{code}/departements", responses=NOT_FOUND)
async def list_departements(
    service: Service,
    code: Annotated[str, Path(pattern=r"^\d{2}$", description="Région code.", examples=["84"])],
) -> TerritoireList:
    """The départements of a région."""
    found = await _list(
        service, [{"term": {"type": "departement"}}, {"term": {"region.code": code}}]
    )
    if not found.total:
        raise NotFoundError(f"no région {code} (or it has no département)")
    return found


@router.get("/departements/{code}/communes", responses=NOT_FOUND)
async def list_communes(
    service: Service,
    code: Annotated[
        str,
        Path(pattern=r"^(?:\d{2,3}|2[ABab])$", description="Département code.", examples=["07"]),
    ],
) -> TerritoireList:
    """The communes of a département."""
    filters = [{"term": {"type": "commune"}}, {"term": {"departement.code": code.upper()}}]
    found = await _list(service, filters)
    if not found.total:
        raise NotFoundError(f"no département {code.upper()}")
    return found
