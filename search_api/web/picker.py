"""`/territoire`: choose the territory without JavaScript (search, then pick), remembered in
a cookie and carried back to the page the visitor came from."""

from typing import Annotated
from urllib.parse import parse_qsl, urlencode, urlsplit

from fastapi import Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from search_api.deps import Offres, Territoires
from search_api.territoires.schemas import Territoire
from search_api.web.pages import page_router
from search_api.web.templating import render
from search_api.web.territory import COOKIE, COOKIE_DAYS, KEY_PATTERN, Place, key_of

router = page_router()

KINDS = ("region", "departement", "commune")
FOUND = 20
Back = Annotated[str, Query(max_length=500)]


def back_to(retour: str, territoire: str | None) -> str:
    """The local page to return to, with the territory set (or removed); anything that is not
    a path on this site (`//host`, `https:`) goes home instead."""
    parts = urlsplit(retour)
    local = retour.startswith("/") and not retour.startswith(("//", "/\\"))
    if not local or parts.scheme or parts.netloc:
        parts = urlsplit("/")
    params = [(k, v) for k, v in parse_qsl(parts.query) if k != "territoire"]
    if territoire:
        params.append(("territoire", territoire))
    return parts.path + (f"?{urlencode(params)}" if params else "")


@router.get("/territoire")
async def territoire(
    request: Request,
    territoires: Territoires,
    place: Place,
    q: Annotated[str, Query(max_length=100)] = "",
    retour: Back = "/",
) -> HTMLResponse:
    """The territories matching what was typed, each a link that chooses it."""
    found = await territoires.search(q, KINDS, FOUND) if q.strip() else []
    context = {
        "place": place,
        "territoire": key_of(place),
        "territory_q": q,
        "retour": back_to(retour, None),
        "found": [Territoire.of(t) for t in found],
    }
    return render(request, "territoire.html", context)


@router.get("/territoire/choisir")
async def choisir(
    offres: Offres,
    t: Annotated[str, Query(pattern=f"(?:{KEY_PATTERN})|^$")] = "",
    retour: Back = "/",
) -> RedirectResponse:
    """Remember the territory (an empty one forgets it) and go back with it in the URL."""
    if t:
        kind, code = t.split("-", 1)
        await offres.territory(kind, code)  # an unknown territory is a 404
    response = RedirectResponse(back_to(retour, t or None), status_code=303)
    if t:
        response.set_cookie(COOKIE, t, max_age=COOKIE_DAYS * 86400, samesite="lax", httponly=True)
    else:
        response.delete_cookie(COOKIE)
    return response
