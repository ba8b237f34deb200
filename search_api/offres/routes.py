"""Job offers: search on the title with facets, and the job market of a métier."""

import asyncio
from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.exceptions import RequestValidationError

from search_api.common.facets import Filters
from search_api.common.fusion import Mode
from search_api.common.schemas import ERRORS, NOT_FOUND, facet_values, value_list
from search_api.deps import (
    CodeRome,
    CommuneCode,
    Contrat,
    DepartementCode,
    FacetParam,
    Number,
    Offres,
    Records,
    RegionCode,
    RomeCode,
)
from search_api.errors import NotFoundError
from search_api.offres import queries
from search_api.offres.schemas import (
    MarcheResponse,
    MarketFigures,
    OffreHit,
    OffresResponse,
    SalaryQuartiles,
    WeekCount,
)
from search_api.offres.service import Market, Offer

router = APIRouter(prefix="/v1", tags=["offres"], responses=ERRORS)

MAX_PAGE, MAX_SIZE = 20, 50
Published = Literal["1", "3", "7", "14", "31"]  # days, as France Travail offers them
RegionParam = Annotated[
    str | None, Query(pattern=r"^\d{2}$", description="Région code.", examples=["84"])
]
DepartementParam = Annotated[
    str | None,
    Query(pattern=r"^(?:\d{2,3}|2[ABab])$", description="Département code.", examples=["07"]),
]


def _hit(offer: Offer) -> OffreHit:
    return OffreHit.of(offer.source, offer.score, offer.highlight)


@router.get("/offres/search")
async def search_offres(
    offres: Offres,
    q: Annotated[
        str,
        Query(
            max_length=200,
            description="Words of the title; empty lists newest first.",
            examples=["vendeur"],
        ),
    ] = "",
    mode: Annotated[
        Mode, Query(description="hybrid, lexical or semantic.", examples=["hybrid"])
    ] = "hybrid",
    page: Annotated[int, Query(ge=1, le=MAX_PAGE, description="Page.", examples=[1])] = 1,
    size: Annotated[int, Query(ge=1, le=MAX_SIZE, description="Per page.", examples=[10])] = 10,
    region: Annotated[list[RegionCode] | None, FacetParam("84")] = None,
    departement: Annotated[list[DepartementCode] | None, FacetParam("07")] = None,
    commune: Annotated[list[CommuneCode] | None, FacetParam("07010")] = None,
    code_rome: Annotated[list[CodeRome] | None, FacetParam("D1214")] = None,
    type_contrat: Annotated[list[Contrat] | None, FacetParam("CDI")] = None,
    secteur: Annotated[list[Number] | None, FacetParam("47")] = None,
    publiee_depuis: Annotated[
        Published | None, Query(description="Published in the last N days.", examples=["31"])
    ] = None,
) -> OffresResponse:
    """Offers by title (lexical, semantic or both fused), filtered and faceted by territory,
    fiche métier, contract, secteur and publication date."""
    chosen = {
        "region": region,
        "departement": departement,
        "commune": commune,
        "code_rome": code_rome,
        "type_contrat": type_contrat,
        "secteur": secteur,
    }
    filters = Filters(
        {k: tuple(v) for k, v in chosen.items() if v},
        queries.OFFER_FACETS,
        (queries.published_within(int(publiee_depuis)),) if publiee_depuis else (),
    )
    found = await offres.search(q, mode, filters, published=publiee_depuis, page=page, size=size)
    return OffresResponse(
        query=q,
        mode=mode,
        total=found.total,
        results=[_hit(o) for o in found.hits],
        facets=facet_values(found.facets),
    )


def _figures(market: Market) -> MarketFigures:
    salary = market.salaire_mensuel
    return MarketFigures(
        offres=market.offres,
        contrats=value_list(market.contrats),
        salaire_mensuel=SalaryQuartiles(
            p25=salary.p25, p50=salary.p50, p75=salary.p75, offres=salary.offres
        ),
        secteurs=value_list(market.secteurs),
        semaines=[WeekCount(semaine=week, offres=n) for week, n in market.semaines],
    )


@router.get("/metiers/{code_rome:rome}/marche", responses=NOT_FOUND)
async def get_marche(
    records: Records,
    offres: Offres,
    code_rome: RomeCode,
    region: RegionParam = None,
    departement: DepartementParam = None,
) -> MarcheResponse:
    """Offers of a fiche (a fiche métier counts its fiches emploi) in a région or département
    (a département given with its région narrows to it): count, contract types, monthly salary
    quartiles, top secteurs, weekly trend — and the same national figures side by side;
    `source` says whether the offers are a sample."""
    code = code_rome.upper()
    fiche = await records.fiche(code)
    if fiche is None:
        raise NotFoundError(f"no fiche {code} in ROME")
    territory = None
    if departement:
        territory = await offres.territory("departement", departement.upper())
        if region and territory.region != region:
            problem = {
                "loc": ("query", "departement"),
                "msg": f"département {territory.code} is not in région {region}",
                "type": "value",
            }
            raise RequestValidationError([problem])
    elif region:
        territory = await offres.territory("region", region)
    (national, local), source = await asyncio.gather(
        offres.market(code, territory), offres.provenance()
    )
    return MarcheResponse(
        code_rome=code,
        libelle=fiche.libelle,
        territoire=(
            {"type": territory.type, "code": territory.code, "libelle": territory.libelle}
            if territory
            else None
        ),
        local=_figures(local) if local else None,
        national=_figures(national),
        source=source or "live",
    )
