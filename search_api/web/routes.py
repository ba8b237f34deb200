"""The pages' router and static files, which `app.create_app` includes and mounts."""

from fastapi import APIRouter
from fastapi.staticfiles import StaticFiles

from search_api.web import (
    browse,
    competences,
    cv_page,
    experience,
    fiche,
    home,
    picker,
    profile_pages,
    search,
    stats,
    within_reach,
)
from search_api.web.templating import STATIC

router = APIRouter(include_in_schema=False)
JOURNEY = (experience, profile_pages, within_reach, cv_page, stats)
for pages in (home, search, fiche, browse, competences, picker, *JOURNEY):
    router.include_router(pages.router)


def static_files() -> StaticFiles:
    """The stylesheet and scripts under `/static`."""
    return StaticFiles(directory=STATIC)
