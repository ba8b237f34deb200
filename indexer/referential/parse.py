"""Small converters from export strings to typed values; they raise ValueError on bad input.

Labels keep their spelling: typographic apostrophes and ellipses are folded for matching by the
`fr_punctuation` char filter of the analyzers, so display shows the original."""

from models.entities import Transitions


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
