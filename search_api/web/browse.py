"""`/parcourir/...`: the métiers from A to Z, by centre d'intérêt, secteur and sous-secteur,
grand domaine and domaine professionnel, and the métiers d'avenir, each with counts."""

import asyncio
from typing import Annotated

from fastapi import Path, Request
from fastapi.responses import HTMLResponse

from search_api.browse.queries import BROWSE
from search_api.common.facets import FacetCount
from search_api.deps import Browse, EngineDep
from search_api.errors import NotFoundError
from search_api.offres.service import Territory
from search_api.web import reads
from search_api.web.pages import page_router
from search_api.web.templating import render
from search_api.web.territory import Place, key_of

router = page_router()

MAX_METIERS = 600  # more fiches métier than any letter or entry point holds
Code = Annotated[str, Path(pattern=r"^\d{1,4}$")]
# The métiers d'avenir: the export's transition tags by transition, each with its URL name.
AVENIR: dict[str, dict[str, str]] = {
    "Transition écologique": {
        "ecologie-strategique": "Emploi stratégique pour la Transition écologique",
        "emploi-vert": "Emploi Vert",
        "emploi-brun": "Emploi Brun",
    },
    "Transition numérique": {"numerique": "Transition numérique"},
    "Transition démographique": {"demographique": "Transition démographique"},
}
TAGS = {slug: tag for tags in AVENIR.values() for slug, tag in tags.items()}
# Entry points: URL segment -> (the browse service's name, page title).
ENTRY_POINTS = {
    "centres-interet": ("centres_interet", "Les métiers par centre d’intérêt"),
    "secteurs": ("secteurs", "Les métiers par secteur d’activité"),
    "sous-secteurs": ("sous_secteurs", "Les métiers par sous-secteur d’activité"),
}


def _page(place: Territory | None, **context: object) -> dict[str, object]:
    return {"place": place, "territoire": key_of(place), **context}


def _named(values: list[FacetCount], code: str) -> FacetCount:
    """The entry point of that code; 404 if there is none."""
    found = next((v for v in values if v.value == code), None)
    if found is None:
        raise NotFoundError(f"aucune entrée {code}")
    return found


@router.get("/parcourir")
async def parcourir(request: Request, place: Place) -> HTMLResponse:
    """The ways into the métiers."""
    return render(request, "browse_index.html", _page(place))


@router.get("/parcourir/a-z")
async def a_z(request: Request, engine: EngineDep, place: Place) -> HTMLResponse:
    """Every letter with its number of métiers."""
    counts = await reads.letters(engine)
    return render(request, "browse_letters.html", _page(place, letters=counts))


@router.get("/parcourir/a-z/{lettre}")
async def lettre(
    request: Request,
    browse: Browse,
    engine: EngineDep,
    place: Place,
    lettre: Annotated[str, Path(pattern=r"^[A-Za-z]$")],
) -> HTMLResponse:
    """The métiers whose title starts with the letter."""
    letter = lettre.upper()
    counts, (total, metiers) = await asyncio.gather(
        reads.letters(engine), browse.metiers(letter, {}, MAX_METIERS)
    )
    context = _page(place, letters=counts, letter=letter, total=total, metiers=metiers)
    return render(request, "browse_letters.html", context)


@router.get("/parcourir/domaines")
async def domaines(request: Request, browse: Browse, place: Place) -> HTMLResponse:
    """The grands domaines, each with its domaines professionnels."""
    grands, pros = await asyncio.gather(
        browse.entry_points("grands_domaines"), browse.entry_points("domaines_professionnels")
    )
    groups = [(g, [p for p in pros if p.value.startswith(g.value)]) for g in grands]
    return render(request, "browse_domaines.html", _page(place, groups=groups))


@router.get("/parcourir/domaines/{code}")
async def domaine(
    request: Request,
    browse: Browse,
    place: Place,
    code: Annotated[str, Path(pattern=r"^[A-Na-n](?:\d{2})?$")],
) -> HTMLResponse:
    """The métiers of a grand domaine (a letter) or domaine professionnel (letter, 2 digits)."""
    code = code.upper()
    kind = "grands_domaines" if len(code) == 1 else "domaines_professionnels"
    values, (total, metiers) = await asyncio.gather(
        browse.entry_points(kind), browse.metiers(None, {kind: code}, MAX_METIERS)
    )
    entry = _named(values, code)
    trail = [("Domaines professionnels", "/parcourir/domaines")]
    context = _page(place, entry=entry, trail=trail, total=total, metiers=metiers)
    return render(request, "browse_metiers.html", context)


@router.get("/parcourir/metiers-d-avenir")
async def avenir(request: Request, engine: EngineDep, place: Place) -> HTMLResponse:
    """The métiers d'avenir: each transition tag with its number of métiers."""
    counts = await reads.transitions(engine)
    groups = [
        (heading, [FacetCount(slug, tag, counts.get(tag, 0), False) for slug, tag in tags.items()])
        for heading, tags in AVENIR.items()
    ]
    return render(request, "browse_avenir.html", _page(place, groups=groups))


@router.get("/parcourir/metiers-d-avenir/{slug}")
async def transition(
    request: Request, engine: EngineDep, place: Place, slug: Annotated[str, Path(max_length=40)]
) -> HTMLResponse:
    """The métiers of one transition tag."""
    tag = TAGS.get(slug)
    if tag is None:
        raise NotFoundError(f"aucune transition {slug}")
    found = await reads.metiers(engine, [{"term": {"transitions": tag}}])
    entry = FacetCount(slug, tag, found.total, False)
    trail = [("Métiers d’avenir", "/parcourir/metiers-d-avenir")]
    context = _page(place, entry=entry, trail=trail, total=found.total, metiers=found.metiers)
    return render(request, "browse_metiers.html", context)


@router.get("/parcourir/{segment}")
async def entry_points(
    request: Request,
    browse: Browse,
    place: Place,
    segment: Annotated[str, Path(pattern=r"^(?:centres-interet|secteurs|sous-secteurs)$")],
) -> HTMLResponse:
    """The centres d'intérêt, secteurs or sous-secteurs with their number of métiers."""
    kind, title = ENTRY_POINTS[segment]
    values = await browse.entry_points(kind)
    context = _page(place, title=title, values=values, base=f"/parcourir/{segment}/")
    return render(request, "browse_entries.html", context)


@router.get("/parcourir/{segment}/{code}")
async def entry_point(
    *,
    request: Request,
    browse: Browse,
    engine: EngineDep,
    place: Place,
    segment: Annotated[str, Path(pattern=r"^(?:centres-interet|secteurs|sous-secteurs)$")],
    code: Code,
) -> HTMLResponse:
    """The métiers of a centre d'intérêt, secteur (with its sous-secteurs) or sous-secteur."""
    kind, title = ENTRY_POINTS[segment]
    values, found = await asyncio.gather(
        browse.entry_points(kind), reads.metiers(engine, [{"term": {BROWSE[kind][0]: code}}])
    )
    entry = _named(values, code)
    sous = found.sous_secteurs if kind == "secteurs" else []
    trail = [(title.removeprefix("Les métiers par ").capitalize(), f"/parcourir/{segment}")]
    context = _page(
        place, entry=entry, trail=trail, total=found.total, metiers=found.metiers, sous=sous
    )
    return render(request, "browse_metiers.html", context)
