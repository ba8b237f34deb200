"""`/profil/cv`: the CV form (name, contact, experiences) over the profile's compétences;
`/profil/cv.pdf` answers the PDF of `render_cv`. What is typed lives only in the request."""

import asyncio
from typing import Annotated, Any

from fastapi import Query, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import ValidationError

from search_api.deps import CodeRome, EngineDep
from search_api.journey.cv import CvTooLongError, render_cv
from search_api.journey.routes import PDF_HEADERS
from search_api.limits import HeavySlot
from search_api.web.cv_form import (
    EXPERIENCES,
    LABELS,
    FieldError,
    cv_groups,
    cv_request,
    field_errors,
)
from search_api.web.journey_pages import form_fields, journey_router
from search_api.web.profile_codes import ProfileParam, joined, parse_codes
from search_api.web.profile_reads import skills_of, titles_of
from search_api.web.skills import Skill, grouped
from search_api.web.templating import render
from search_api.web.territory import Place, key_of

router = journey_router()

PAGE = "profil_cv.html"


def _context(place: Place, skills: list[Skill], fields: dict[str, str]) -> dict[str, Any]:
    return {
        "place": place,
        "territoire": key_of(place),
        "c": joined(s.code for s in skills),
        "groups": grouped(skills, lambda s: s),
        "fields": fields,
        "labels": LABELS,
        "experiences": range(1, EXPERIENCES + 1),
    }


@router.get("/profil/cv")
async def formulaire(
    *,
    request: Request,
    engine: EngineDep,
    place: Place,
    c: ProfileParam = None,
    metier: Annotated[CodeRome | None, Query()] = None,
) -> HTMLResponse:
    """The form, the métier visé filled in when the link names a fiche."""
    skills, titles = await asyncio.gather(
        skills_of(engine, parse_codes(c)), titles_of(engine, [metier] if metier else [])
    )
    fields = {"metier": titles[metier]} if metier in titles else {}
    return render(request, PAGE, _context(place, skills, fields))


def _refused(request: Request, context: dict[str, Any], errors: list[FieldError]) -> Response:
    by_name = {e.name: e.message for e in errors}
    return render(request, PAGE, context | {"errors": errors, "by_name": by_name}, 422)


@router.post("/profil/cv.pdf", dependencies=[HeavySlot])
async def cv_pdf(request: Request, engine: EngineDep, place: Place) -> Response:
    """The PDF to download; a refused field or a CV past two pages shows the form again,
    filled in as sent, with what to change."""
    fields = await form_fields(request)
    skills = await skills_of(engine, parse_codes([fields.get("c", "")]))
    context = _context(place, skills, fields)
    try:
        cv = cv_request(fields, cv_groups(skills))
    except ValidationError as e:
        return _refused(request, context, field_errors(e, fields))
    try:
        pdf = await asyncio.to_thread(render_cv, cv)
    except CvTooLongError:
        too_long = FieldError(
            "resume", "Le CV dépasse deux pages : raccourcissez le résumé ou des expériences."
        )
        return _refused(request, context, [too_long])
    return Response(pdf, media_type="application/pdf", headers=PDF_HEADERS)
