"""`/metiers/{code}`: the fiche métier with its métiers proches and job market."""

import asyncio

from fastapi import Request
from fastapi.responses import HTMLResponse

from search_api.deps import EngineDep, Offres, Records, RomeCode
from search_api.errors import NotFoundError
from search_api.journey.deps import Actions
from search_api.journey.metrics import count_fiche_opening
from search_api.web import market, reads
from search_api.web.actions import fiche_actions
from search_api.web.pages import page_router
from search_api.web.templating import render
from search_api.web.territory import Place, key_of

router = page_router()

PROCHES = 8  # computed métiers proches shown after the official mobilités


@router.get("/metiers/{code_rome:rome}")
async def fiche(
    *,
    request: Request,
    records: Records,
    offres: Offres,
    engine: EngineDep,
    catalogue: Actions,
    place: Place,
    code_rome: RomeCode,
) -> HTMLResponse:
    """The complete fiche: every section of the export, métiers proches, market, offers, and
    the services to take it further (Passer à l'action)."""
    code = code_rome.upper()
    doc = await records.fiche(code)
    if doc is None:
        raise NotFoundError(f"aucune fiche {code} dans le ROME")
    count_fiche_opening(request, code)
    proches, (national, local), latest, provenance, actions = await asyncio.gather(
        records.proches_of(code, doc, PROCHES),
        offres.market(code, place),
        reads.latest_offers(engine, code, place),
        offres.provenance(),
        fiche_actions(engine, catalogue, code, key_of(place)),
    )
    context = {
        "fiche": doc,
        "proches": proches,
        "national": national,
        "local": local,
        "latest": latest,
        "sample": provenance == "sample",
        "bars": {"national": market.bars(national.semaines)}
        | ({"local": market.bars(local.semaines)} if local else {}),
        "chart_width": market.chart_width(national.semaines),
        "chart_height": market.CHART_HEIGHT,
        "bar_width": market.BAR_WIDTH,
        "contracts": market.contract_rows(national, local),
        "weeks": market.week_rows(national, local),
        "actions": actions,
        "place": place,
        "territoire": key_of(place),
    }
    return render(request, "fiche.html", context)
