"""Small converters from export strings to typed values; they raise ValueError on bad input."""

import re

from models.entities import Transitions

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "\u00a0": " ", "\u202f": " "})


def normalise_for_matching(text: str) -> str:
    """Typographic apostrophes, ellipses and odd spaces made plain; display keeps the original."""
    return re.sub(r"\s+", " ", text.translate(_APOSTROPHES).replace("…", "...")).strip()


def yes_no(value: str) -> bool | None:
    """O/N (or oui/non) to bool; empty to None."""
    lowered = value.strip().lower()
    if lowered in {"o", "oui"}:
        return True
    if lowered in {"n", "non"}:
        return False
    if lowered == "":
        return None
    raise ValueError(f"expected O or N, got {value!r}")


def optional(value: str) -> str | None:
    """Empty string to None."""
    return value or None


def integer(value: str) -> int:
    """A required integer."""
    if not value.strip().lstrip("-").isdigit():
        raise ValueError(f"expected an integer, got {value!r}")
    return int(value)


def transitions(eco: str, num: str, demo: str = "") -> Transitions:
    """Transition tags from the export's three columns."""
    return Transitions(eco=optional(eco), num=yes_no(num), demo=yes_no(demo))


def undouble_quotes(text: str) -> str:
    """unix_texte escapes every apostrophe SQL-style (l''entretien); undo it."""
    return text.replace("''", "'")
