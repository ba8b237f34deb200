"""`/profil/metiers`: the métiers within reach of the profile, as `POST /v1/metiers/match`
ranks them, each with its covered and missing macro-compétences (core first), the distance
(how many are missing) and, with a territory, its offers there (optionally only those)."""

import asyncio
from typing import Annotated, Literal

from fastapi import Query, Request
from fastapi.responses import HTMLResponse

from search_api.common.facets import Filters
from search_api.deps import Flag, Matching, Offres
from search_api.offres.service import OffresService, Territory
from search_api.profile.matching import CodedProfile, Match, Matcher
from search_api.search.queries import FACETS
from search_api.web.journey_pages import journey_router
from search_api.web.profile_codes import ProfileParam, joined, parse_codes
from search_api.web.profile_reads import with_offers_clause
from search_api.web.templating import render
from search_api.web.territory import Place, key_of

router = journey_router()

SHOWN = 20
Order = Literal["score", "distance"]


async def _offers(offres: OffresService, place: Territory | None) -> dict[str, int] | None:
    return await offres.counts({place.type: (place.code,)}) if place else None


def ordered(matches: list[Match], tri: Order) -> list[Match]:
    """The matches best first, or nearest first (fewest missing, then best)."""
    return sorted(matches, key=lambda m: len(m.missing)) if tri == "distance" else matches


async def _ranked(
    matcher: Matcher, coded: CodedProfile, offers: dict[str, int] | None, hiring: bool
) -> list[Match]:
    if not coded.weights:
        return []
    extra = (with_offers_clause(sorted(offers or {})),) if hiring else ()
    ranked = await matcher.rank(coded.weights, Filters({}, FACETS, extra=extra), with_facets=False)
    return ranked.matches


@router.get("/profil/metiers")
async def metiers(
    *,
    request: Request,
    matcher: Matching,
    offres: Offres,
    place: Place,
    c: ProfileParam = None,
    recrutent: Annotated[Flag | None, Query()] = None,
    tri: Annotated[Order, Query()] = "score",
) -> HTMLResponse:
    """The fiches the profile opens; `recrutent=true` keeps those with offers in the chosen
    territory, `tri=distance` puts the nearest first."""
    codes = parse_codes(c)
    coded, offers = await asyncio.gather(matcher.profile_of_codes(codes), _offers(offres, place))
    hiring = recrutent == "true" and place is not None
    matches = await _ranked(matcher, coded, offers, hiring)
    context = {
        "place": place,
        "territoire": key_of(place),
        "c": joined(codes),
        "count": len(codes),
        "macros": len(coded.weights),
        "matches": ordered(matches, tri)[:SHOWN],
        "offers": offers,
        "hiring": hiring,
        "tri": tri,
    }
    return render(request, "profil_metiers.html", context)
