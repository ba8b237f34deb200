"""`/ce-que-j-ai-fait`: describe an experience in your own words, see the compétences found
in it (each with its words marked in the text, or inferred from the métier), keep some."""

from fastapi import Request
from fastapi.responses import HTMLResponse

from search_api.deps import Extraction
from search_api.errors import InvalidInputError
from search_api.limits import HeavySlot
from search_api.profile.schemas import MAX_TEXT
from search_api.web.experience_view import reading_view, reason_of
from search_api.web.journey_pages import form_fields, journey_router
from search_api.web.profile_codes import ProfileParam, joined, parse_codes
from search_api.web.templating import render
from search_api.web.territory import Place, key_of

router = journey_router()

SHOWN = 30  # compétences offered at most
PAGE = "journey_experience.html"
EMPTY = "Écrivez quelques phrases sur ce que vous avez fait."
TOO_LONG = f"Le texte dépasse {MAX_TEXT} caractères : gardez l’essentiel d’une expérience."


@router.get("/ce-que-j-ai-fait")
async def formulaire(request: Request, place: Place, c: ProfileParam = None) -> HTMLResponse:
    """The text area (the profile in `c`, if any, is kept with what will be found)."""
    context = {"place": place, "territoire": key_of(place), "c": joined(parse_codes(c))}
    return render(request, PAGE, context | {"texte": "", "max_text": MAX_TEXT})


@router.post("/ce-que-j-ai-fait", dependencies=[HeavySlot])
async def analyse(request: Request, extractor: Extraction, place: Place) -> HTMLResponse:
    """The compétences found in the text posted; the text is read, shown back, and kept
    nowhere."""
    fields = await form_fields(request)
    text = fields.get("texte", "")
    context = {
        "place": place,
        "territoire": key_of(place),
        "c": joined(parse_codes([fields.get("c", "")])),
        "texte": text,
        "max_text": MAX_TEXT,
    }
    problem = EMPTY if not text.strip() else TOO_LONG if len(text) > MAX_TEXT else None
    if problem:
        return render(request, PAGE, context | {"error": problem}, 422)
    try:
        result = await extractor.run(text, None, SHOWN)
    except InvalidInputError as e:  # not French
        return render(request, PAGE, context | {"error": reason_of(e.errors[0]["message"])}, 422)
    return render(request, PAGE, context | {"reading": reading_view(text, result)})
