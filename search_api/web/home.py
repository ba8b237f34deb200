"""`/`: the search box, the ways into the métiers and the territory picker."""

from fastapi import Request
from fastapi.responses import HTMLResponse

from search_api.web.pages import page_router
from search_api.web.templating import render
from search_api.web.territory import Place, key_of

router = page_router()


@router.get("/")
async def accueil(request: Request, place: Place) -> HTMLResponse:
    """The home page."""
    return render(request, "home.html", {"place": place, "territoire": key_of(place)})
