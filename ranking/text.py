"""Text folding shared by the query cleaner, the feature index and the baselines."""

import re
import unicodedata

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "…": "...", "œ": "oe"})
_NON_WORD = re.compile(r"[^a-z0-9]+")


def fold(text: str) -> str:
    """Lower-case, typographic apostrophes normalised, accents removed."""
    lowered = text.lower().translate(_APOSTROPHES)
    decomposed = unicodedata.normalize("NFKD", lowered)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    """Folded alphanumeric words of a text."""
    return [w for w in _NON_WORD.split(fold(text)) if w]


def normalise(text: str) -> str:
    """Folded words joined by single spaces: the form every vectoriser sees."""
    return " ".join(words(text))
