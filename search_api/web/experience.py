"""`/ce-que-j-ai-fait`: describe an experience in your own words, see the compétences found
in it (each with its words marked in the text, or inferred from the métier), keep some."""

from fastapi import Request
from fastapi.responses import HTMLResponse

from search_api.deps import Extraction
from search_api.errors import InvalidInputError
from search_api.limits import HeavySlot
from search_api.profile.schemas import MAX_TEXT, MAX_TITLE
from search_api.web.experience_view import reading_view, reason_of
from search_api.web.journey_pages import form_fields, journey_router
from search_api.web.profile_codes import ProfileParam, joined, parse_codes
from search_api.web.templating import render
from search_api.web.territory import Place, key_of

router = journey_router()

SHOWN = 30  # compétences offered at most
LIMITS = {"max_text": MAX_TEXT, "max_title": MAX_TITLE}
PAGE = "journey_experience.html"
EMPTY = "Écrivez quelques phrases sur ce que vous avez fait."
TOO_LONG = f"Le texte dépasse {MAX_TEXT} caractères : gardez l’essentiel d’une expérience."
TITLE_TOO_LONG = f"L’intitulé du poste dépasse {MAX_TITLE} caractères : gardez le nom du métier."


def one_line(title: str) -> str:
    """A pasted title as one line of printable characters, spaces collapsed."""
    return " ".join("".join(ch for ch in title if ch.isprintable() or ch.isspace()).split())


def problem_of(text: str, title: str) -> tuple[str, str] | None:
    """The form field at fault and what to tell the person, or None."""
    if not text.strip():
        return "texte", EMPTY
    if len(text) > MAX_TEXT:
        return "texte", TOO_LONG
    if len(title) > MAX_TITLE:
        return "poste", TITLE_TOO_LONG
    return None


@router.get("/ce-que-j-ai-fait")
async def formulaire(request: Request, place: Place, c: ProfileParam = None) -> HTMLResponse:
    """The text area (the profile in `c`, if any, is kept with what will be found)."""
    context = {"place": place, "territoire": key_of(place), "c": joined(parse_codes(c))}
    return render(request, PAGE, context | {"texte": "", "poste": "", **LIMITS})


@router.post("/ce-que-j-ai-fait", dependencies=[HeavySlot])
async def analyse(request: Request, extractor: Extraction, place: Place) -> HTMLResponse:
    """The compétences found in the text posted; the text is read, shown back, and kept
    nowhere."""
    fields = await form_fields(request)
    text = fields.get("texte", "")
    title = one_line(fields.get("poste", ""))
    context = {
        "place": place,
        "territoire": key_of(place),
        "c": joined(parse_codes([fields.get("c", "")])),
        "texte": text,
        "poste": title,
        **LIMITS,
    }
    problem = problem_of(text, title)
    if problem:
        field, message = problem
        return render(request, PAGE, context | {"error": message, "error_field": field}, 422)
    try:
        result = await extractor.run(text, None, SHOWN, title or None)
    except InvalidInputError as e:  # not French
        reason = reason_of(e.errors[0]["message"])
        return render(request, PAGE, context | {"error": reason, "error_field": "texte"}, 422)
    return render(request, PAGE, context | {"reading": reading_view(text, result)})
