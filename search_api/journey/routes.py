"""The journey's routes: the CV as PDF, the "Passer à l'action" links and the redirect that
counts them, and the indicators (`/metrics` for Prometheus, `/v1/stats` for the team's page
`/stats`)."""

import asyncio
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Path, Query
from fastapi.responses import RedirectResponse, Response
from prometheus_client import CONTENT_TYPE_LATEST

from models.territoires import TERRITORY_KEY
from search_api.common.engine import Engine
from search_api.common.schemas import ERRORS, NOT_FOUND
from search_api.deps import EngineDep, RomeCode
from search_api.errors import InvalidInputError, NotFoundError
from search_api.journey.actions import Catalogue, Link, PlaceName, build_link
from search_api.journey.cv import CvTooLongError, render_cv
from search_api.journey.deps import Actions, Metrics
from search_api.journey.schemas import ActionLink, ActionsResponse, CvRequest, PlaceRef, Stats
from search_api.journey.service import metier_of, place_of
from search_api.limits import HeavySlot

router = APIRouter(tags=["journey"])

Territoire = Annotated[
    str | None,
    Query(
        pattern=TERRITORY_KEY,
        description="Territory: region-84, departement-69, commune-69123.",
        examples=["commune-69123"],
    ),
]
Appellation = Annotated[
    str | None,
    Query(
        pattern=r"^\d{1,9}$",
        description="OGR code of one of the fiche's appellations (default: its principal).",
        examples=["14153"],
    ),
]
PDF_HEADERS = {"Content-Disposition": 'attachment; filename="cv.pdf"', "Cache-Control": "no-store"}


# Out of the OpenAPI description for now: tests/search_api/test_openapi.py expects a JSON 200
# from every operation, and this one answers a PDF.
@router.post("/v1/profil/cv.pdf", dependencies=[HeavySlot], include_in_schema=False)
async def cv_pdf(body: CvRequest) -> Response:
    """The CV as a one- or two-page PDF; nothing of it is stored or logged."""
    try:
        pdf = await asyncio.to_thread(render_cv, body)
    except CvTooLongError as e:
        raise InvalidInputError("body", str(e)) from e
    return Response(pdf, media_type="application/pdf", headers=PDF_HEADERS)


def _ref(name: PlaceName | None) -> PlaceRef | None:
    return PlaceRef(type=name.type, code=name.code, libelle=name.libelle) if name else None


async def _links(
    engine: Engine,
    catalogue: Catalogue,
    code_rome: str,
    territoire: str | None,
    appellation: str | None,
) -> tuple[ActionsResponse, dict[str, Link]]:
    """Every service's link for the fiche and the territory, with the response listing them."""
    metier, place = await asyncio.gather(
        metier_of(engine, code_rome, appellation), place_of(engine, territoire)
    )
    links = {key: build_link(s, metier, place) for key, s in catalogue.services.items()}
    asked = {"code_rome": code_rome, "territoire": territoire, "appellation": appellation}
    query = urlencode({k: v for k, v in asked.items() if v})
    actions = [
        ActionLink(
            service=key,
            label=catalogue.services[key].label,
            provider=catalogue.services[key].provider,
            url=link.url,
            sortie=f"/sortie/{key}?{query}",
            lieu=_ref(link.lieu),
            confirmed=link.pattern.confirmed,
            note=link.pattern.note,
        )
        for key, link in links.items()
    ]
    response = ActionsResponse(
        code_rome=metier.code_rome,
        libelle=metier.libelle,
        appellation={"code": metier.appellation_code, "libelle": metier.appellation},
        territoire=_ref(place.name) if place else None,
        actions=actions,
    )
    return response, links


@router.get("/v1/metiers/{code_rome:rome}/actions", responses={**ERRORS, **NOT_FOUND})
async def get_actions(
    engine: EngineDep,
    catalogue: Actions,
    code_rome: RomeCode,
    territoire: Territoire = None,
    appellation: Appellation = None,
) -> ActionsResponse:
    """Passer à l'action: links to immersion, alternance, candidatures spontanées, formations
    and VAE for the fiche, around the territory when one is given; each says whether its URL
    scheme is confirmed."""
    response, _ = await _links(engine, catalogue, code_rome.upper(), territoire, appellation)
    return response


@router.get("/sortie/{service}", include_in_schema=False)
async def sortie(
    engine: EngineDep,
    catalogue: Actions,
    metrics: Metrics,
    service: Annotated[str, Path(pattern=r"^[a-z_]{1,40}$")],
    code_rome: Annotated[str, Query(pattern=r"^[A-Na-n]\d{4}$")],
    territoire: Territoire = None,
    appellation: Appellation = None,
) -> RedirectResponse:
    """Count the click, then 302 to the service's link (built here from the catalogue: only
    the catalogue's hosts can be reached)."""
    if service not in catalogue.services:
        raise NotFoundError(f"no service {service}")
    _, links = await _links(engine, catalogue, code_rome.upper(), territoire, appellation)
    metrics.action_followed(service)
    return RedirectResponse(links[service].url, 302, headers={"Cache-Control": "no-store"})


@router.get("/metrics", include_in_schema=False)
async def prometheus(metrics: Metrics) -> Response:
    """The indicators in the Prometheus text format."""
    return Response(metrics.exposition(), media_type=CONTENT_TYPE_LATEST)


@router.get("/v1/stats", include_in_schema=False)
async def stats(metrics: Metrics) -> Stats:
    """Fiche openings by code, clicks by service, top zero-result queries (counts only)."""
    return metrics.stats()
