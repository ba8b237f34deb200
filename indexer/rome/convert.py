"""Converters from raw CSV strings to the values the models expect.

Each raises ValueError with a one-line reason; the parser turns it into a RowError naming
the column. Surrounding whitespace is dropped; the inner text is kept as written.
"""

from collections.abc import Callable

from indexer.rome.normalise import undo_sql_quotes

Converter = Callable[[str], object]


def text(value: str) -> str:
    """The value, stripped (an empty one is refused by the model's constraints)."""
    return value.strip()


def optional(value: str) -> str | None:
    """None for a blank value, else the stripped value."""
    return value.strip() or None


def sql_text(value: str) -> str:
    """Stripped text with its SQL-doubled apostrophes undone."""
    return undo_sql_quotes(value.strip())


def integer(value: str) -> int:
    """A base-10 integer."""
    try:
        return int(value.strip())
    except ValueError as e:
        raise ValueError("not an integer") from e


def _flag(yes: str, no: str, *, required: bool) -> Callable[[str], bool | None]:
    def convert(value: str) -> bool | None:
        cleaned = value.strip()
        if cleaned == yes:
            return True
        if cleaned == no:
            return False
        if not cleaned and not required:
            return None
        expected = f"'{yes}' or '{no}'" + ("" if required else " or blank")
        raise ValueError(f"expected {expected}")

    return convert


o_n = _flag("O", "N", required=True)
"""O/N flag, required."""

optional_o_n = _flag("O", "N", required=False)
"""O/N flag, None when blank."""

oui_non = _flag("oui", "non", required=True)
"""oui/non flag, required."""
