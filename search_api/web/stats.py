"""`/stats`: the team's page of indicators (fiche openings, services followed, searches that
found nothing), counts only, since the process started; the JSON is `/v1/stats`."""

from fastapi import Request
from fastapi.responses import HTMLResponse

from search_api.deps import EngineDep
from search_api.journey.deps import Actions, Metrics
from search_api.web.pages import page_router
from search_api.web.profile_reads import titles_of
from search_api.web.templating import render
from search_api.web.territory import Place, key_of

router = page_router()


@router.get("/stats")
async def stats(
    request: Request, engine: EngineDep, metrics: Metrics, catalogue: Actions, place: Place
) -> HTMLResponse:
    """The indicators as tables."""
    figures = metrics.stats()
    titles = await titles_of(engine, [c.key for c in figures.fiche_openings])
    context = {
        "place": place,
        "territoire": key_of(place),
        "stats": figures,
        "titles": titles,
        "services": {key: s.label for key, s in catalogue.services.items()},
    }
    return render(request, "journey_stats.html", context)
