"""The territory every page respects: `?territoire=<type>-<code>` in the URL, else the cookie
the picker set; resolved to the région, département or commune it names."""

import re
from typing import Annotated

from fastapi import Depends, Query, Request

from models.territoires import TERRITORY_KEY
from search_api.deps import Offres
from search_api.errors import NotFoundError
from search_api.offres.service import Territory

COOKIE = "territoire"
COOKIE_DAYS = 180
KEY = re.compile(TERRITORY_KEY)
KEY_PATTERN = TERRITORY_KEY


def parse_key(key: str) -> tuple[str, str] | None:
    """(type, code) of a territory key such as `departement-07`; None if it is not one."""
    if not KEY.match(key):
        return None
    kind, code = key.split("-", 1)
    return kind, code


def key_of(place: Territory | None) -> str | None:
    """The URL key of a territory, None without one."""
    return f"{place.type}-{place.code}" if place else None


async def _chosen(
    request: Request,
    offres: Offres,
    territoire: Annotated[
        str | None,
        Query(
            pattern=KEY_PATTERN, description="Territory: region-84, departement-07, commune-07010."
        ),
    ] = None,
) -> Territory | None:
    """The URL's territory (an unknown one is a 404), else the remembered one if it exists."""
    if territoire:
        kind, code = territoire.split("-", 1)  # the pattern guarantees the shape
        return await offres.territory(kind, code)
    remembered = parse_key(request.cookies.get(COOKIE, ""))
    if remembered is None:
        return None
    try:
        return await offres.territory(*remembered)
    except NotFoundError:
        return None


Place = Annotated[Territory | None, Depends(_chosen)]
