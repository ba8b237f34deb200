"""The skills profile as the URL carries it: `?c=118069,117468`, OGR codes in the order they
were added. There is no account: the address is the profile (shareable), the browser keeps a
copy (localStorage, `static/profile.js`) and the server stores nothing."""

import re
from collections.abc import Iterable
from typing import Annotated
from urllib.parse import parse_qsl, urlsplit

from fastapi import Query
from pydantic import StringConstraints

from search_api.errors import InvalidInputError

CODE = re.compile(r"^\d{1,9}$")
MAX_CODES = 100  # a long CV's worth; the matching accepts 200
# `c` as the forms and links send it: comma-separated codes, possibly repeated (checkboxes).
CodesText = Annotated[str, StringConstraints(pattern=r"^[\d,]{0,1000}$")]
ProfileParam = Annotated[
    list[CodesText] | None, Query(description="The profile: OGR codes, comma-separated.")
]


def parse_codes(values: Iterable[str] | None) -> list[str]:
    """The codes of `c` values (comma-separated, repeated or not), each once, in order; a 422
    for something that is not an OGR code or for more than `MAX_CODES`."""
    codes: list[str] = []
    for value in values or ():
        for code in value.split(","):
            if not code:
                continue
            if not CODE.match(code):
                raise InvalidInputError("c", f"{code!r} n’est pas un code de compétence")
            codes.append(code)
    unique = list(dict.fromkeys(codes))
    if len(unique) > MAX_CODES:
        raise InvalidInputError("c", f"un profil garde au plus {MAX_CODES} compétences")
    return unique


def joined(codes: Iterable[str]) -> str:
    """The `c` value of a profile."""
    return ",".join(codes)


def added(codes: list[str], new: Iterable[str]) -> list[str]:
    """The profile with new codes after the others (those already in it stay where they are),
    capped at `MAX_CODES`."""
    return list(dict.fromkeys([*codes, *new]))[:MAX_CODES]


def removed(codes: list[str], code: str) -> list[str]:
    """The profile without one code."""
    return [c for c in codes if c != code]


def codes_in(url: str) -> list[str]:
    """The profile a local address carries (the page an "Ajouter" button was on); [] for any
    address that is not a path of this site or has no valid profile."""
    parts = urlsplit(url)
    if not url.startswith("/") or url.startswith("//") or parts.scheme or parts.netloc:
        return []
    values = [v for k, v in parse_qsl(parts.query) if k == "c"]
    try:
        return parse_codes(values)
    except InvalidInputError:
        return []
