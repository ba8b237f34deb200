"""Jinja2 rendering of the pages: one environment, the filters and globals templates use."""

import re
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup, escape

from search_api.web.market import where

TEMPLATES = Path(__file__).parent / "templates"
STATIC = Path(__file__).parent / "static"
EM = re.compile(r"<em>(.*?)</em>", re.DOTALL)


def highlighted(fragment: str | None, fallback: str) -> Markup:
    """A highlight from the engine as safe HTML: the label escaped, matches in <mark>.

    The engine's highlighter does not escape the label, so every piece between its <em> tags
    is escaped here and only those tags become markup."""
    text = fragment or fallback
    out, last = [], 0
    for match in EM.finditer(text):
        out.append(escape(text[last : match.start()]))
        out.append(Markup("<mark>%s</mark>") % match.group(1))
        last = match.end()
    out.append(escape(text[last:]))
    return Markup("").join(out)


def link(path: str, territoire: str | None, **params: object) -> str:
    """An internal URL carrying the chosen territory and the given query parameters (None and
    empty values left out, lists repeated)."""
    pairs: list[tuple[str, object]] = []
    for name, value in params.items():
        values = value if isinstance(value, list | tuple) else [value]
        pairs += [(name, v) for v in values if v not in (None, "")]
    if territoire:
        pairs.append(("territoire", territoire))
    return f"{path}?{urlencode(pairs)}" if pairs else path


def lines(text: str) -> list[str]:
    """The non-empty lines of a ROME text (one sentence per line)."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def plural(count: int, singular: str, several: str | None = None) -> str:
    """The count with its noun agreed: "1 métier", "2 métiers" (French: 0 is singular)."""
    noun = singular if count <= 1 else (several or f"{singular}s")
    return f"{count:,}".replace(",", "\u202f") + f" {noun}"


def euros(value: float | None) -> str:
    """A monthly amount in whole euros, French digit grouping; a dash when unknown."""
    return "—" if value is None else f"{round(value):,}".replace(",", "\u202f") + " €"


def combine(params: dict[str, object], **changes: object) -> dict[str, object]:
    """The parameters of a link with some changed (None drops one)."""
    return params | changes


def date_fr(iso: str) -> str:
    """A date of an ISO date-time as French readers write it: 2026-05-25 -> 25/05/2026."""
    year, month, day = iso[:10].split("-")
    return f"{day}/{month}/{year}"


@cache
def environment() -> Environment:
    """The templates' environment, built on first use."""
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters |= {
        "highlighted": highlighted,
        "lines": lines,
        "euros": euros,
        "combine": combine,
        "where": where,
        "date_fr": date_fr,
    }
    env.globals |= {"link": link, "plural": plural}
    return env


def render(
    request: Request, template: str, context: dict[str, Any], status: int = 200
) -> HTMLResponse:
    """A page: the template with the request's path and the context."""
    page = environment().get_template(template)
    here = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    html = page.render(request_path=request.url.path, return_to=here, **context)
    return HTMLResponse(html, status_code=status)
