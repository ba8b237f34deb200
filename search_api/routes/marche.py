"""The job market of a métier: offers in a territory next to the national figures."""

from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.exceptions import RequestValidationError

from search_api import queries
from search_api.deps import Service
from search_api.errors import NotFoundError
from search_api.routes.records import RomeCode
from search_api.schemas import (
    ERRORS,
    NOT_FOUND,
    FacetValue,
    MarcheResponse,
    MarketFigures,
    SalaryQuartiles,
    WeekCount,
)
from search_api.service import guarded

router = APIRouter(prefix="/v1", tags=["offres"], responses={**ERRORS, **NOT_FOUND})


def _values(agg: dict[str, Any]) -> list[FacetValue]:
    out = []
    for bucket in agg["buckets"]:
        labels = bucket.get("label", {}).get("buckets", [])
        label = str(labels[0]["key"]) if labels else str(bucket["key"])
        out.append(
            FacetValue(
                value=str(bucket["key"]), label=label, count=bucket["doc_count"], selected=False
            )
        )
    return out


def _euros(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def _figures(agg: dict[str, Any]) -> MarketFigures:
    quartiles = agg["salaires"]["values"]
    return MarketFigures(
        offres=agg["doc_count"],
        contrats=_values(agg["contrats"]),
        salaire_mensuel=SalaryQuartiles(
            p25=_euros(quartiles.get("25.0")),
            p50=_euros(quartiles.get("50.0")),
            p75=_euros(quartiles.get("75.0")),
            offres=agg["avec_salaire"]["doc_count"],
        ),
        secteurs=_values(agg["secteurs"]),
        semaines=[
            WeekCount(semaine=b["key_as_string"][:10], offres=b["doc_count"])
            for b in agg["semaines"]["values"]["buckets"]
        ],
    )


@router.get("/metiers/{code_rome}/marche")
async def get_marche(
    service: Service,
    code_rome: RomeCode,
    region: Annotated[
        str | None, Query(pattern=r"^\d{2}$", description="Région code.", examples=["84"])
    ] = None,
    departement: Annotated[
        str | None,
        Query(pattern=r"^(?:\d{2,3}|2[ABab])$", description="Département code.", examples=["07"]),
    ] = None,
) -> MarcheResponse:
    """Offers of a fiche (a fiche métier counts its fiches emploi) in a région or département
    (a département given with its région narrows to it): count, contract types, monthly salary
    quartiles, top secteurs, weekly trend — and the same national figures side by side."""
    code = code_rome.upper()
    fiche = await service.get("fiches", code)
    if fiche is None:
        raise NotFoundError(f"no fiche {code} in ROME")
    territory, scope = None, None
    if region or departement:
        kind, value = ("departement", departement.upper()) if departement else ("region", region)
        place = await service.get("territoires", f"{kind}-{value}")
        if place is None:
            raise NotFoundError(f"no {kind} {value}")
        if region and departement and place["region"]["code"] != region:
            problem = {
                "loc": ("query", "departement"),
                "msg": f"département {value} is not in région {region}",
                "type": "value",
            }
            raise RequestValidationError([problem])
        territory = {"type": kind, "code": str(value), "libelle": place["libelle"]}
        scope = {"term": {f"{kind}.code": value}}
    response = await guarded(
        service.es.search(index=service.alias("offres"), **queries.market_body(code, scope))
    )
    aggs = response["aggregations"]
    return MarcheResponse(
        code_rome=code,
        libelle=fiche["libelle"],
        territoire=territory,
        local=_figures(aggs["territoire"]) if scope else None,
        national=_figures(aggs["national"]),
    )
