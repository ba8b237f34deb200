"""`/profil`: the skills profile the URL carries (`?c=`), grouped by macro-compétence, with a
search to add more; `/profil/ajouter`: what the "Ajouter à mon profil" buttons send."""

import asyncio
from typing import Annotated

from fastapi import Query, Request
from fastapi.responses import RedirectResponse, Response

from search_api.deps import CodeRome, EngineDep, Search
from search_api.errors import InvalidInputError, NotFoundError
from search_api.search.hits import Hit
from search_api.web.journey_pages import journey_router
from search_api.web.profile_codes import (
    CODE,
    MAX_CODES,
    ProfileParam,
    added,
    codes_in,
    joined,
    parse_codes,
    removed,
)
from search_api.web.profile_reads import core_codes, search_skills, skills_of
from search_api.web.skills import grouped
from search_api.web.templating import link, render
from search_api.web.territory import Place, key_of

router = journey_router()

OgrCode = Annotated[str, Query(pattern=CODE.pattern)]


async def _found(search: Search, q: str) -> list[Hit]:
    return await search_skills(search, q) if q.strip() else []


@router.get("/profil")
async def profil(
    *,
    request: Request,
    engine: EngineDep,
    search: Search,
    place: Place,
    c: ProfileParam = None,
    q: Annotated[str, Query(max_length=100)] = "",
    ajoutees: Annotated[int | None, Query(ge=0, le=MAX_CODES)] = None,
) -> Response:
    """The profile's compétences (each with a link removing it) and, for `q`, compétences to
    add; codes that are no ROME compétence are dropped. A profile sent as repeated `c` (the
    checkboxes of "ce que j'ai fait") is redirected to its one shareable `c=`."""
    codes = parse_codes(c)
    if c is not None and len(c) > 1:
        target = link("/profil", key_of(place), c=joined(codes) or ",", q=q.strip() or None)
        return RedirectResponse(target, status_code=303)
    skills, hits = await asyncio.gather(skills_of(engine, codes), _found(search, q))
    known = [s.code for s in skills]
    context = {
        "place": place,
        "territoire": key_of(place),
        "c": joined(known),
        "groups": grouped(skills, lambda s: s),
        "count": len(known),
        "dropped": len(codes) - len(known),
        "without": {code: joined(removed(known, code)) for code in known},
        "q": q,
        "hits": [h for h in hits if h.id not in known],
        "adding": {h.id: joined(added(known, [h.id])) for h in hits},
        "ajoutees": ajoutees,
    }
    return render(request, "profil.html", context)


@router.get("/profil/ajouter")
async def ajouter(
    *,
    engine: EngineDep,
    place: Place,
    code: Annotated[list[OgrCode] | None, Query()] = None,
    fiche: Annotated[CodeRome | None, Query()] = None,
    c: ProfileParam = None,
    retour: Annotated[str, Query(max_length=500)] = "",
) -> RedirectResponse:
    """Add compétences (`code`) or a fiche's core ones (`fiche`) to the profile the browser
    kept (`c`, filled by the script) and the one the page carried (`retour`), then show it."""
    new = list(code or [])
    if fiche:
        core = await core_codes(engine, fiche)
        if core is None:
            raise NotFoundError(f"aucune fiche {fiche} dans le ROME")
        new += core
    if not new:
        raise InvalidInputError("code", "une compétence ou une fiche à ajouter")
    before = added(parse_codes(c), codes_in(retour))
    after = added(before, new)
    target = link("/profil", key_of(place), c=joined(after), ajoutees=len(after) - len(before))
    return RedirectResponse(target, status_code=303)
