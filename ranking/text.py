"""Text folding shared by the query cleaner, the feature index and the baselines."""

import re
import unicodedata

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "…": "...", "œ": "oe"})
_NON_WORD = re.compile(r"[^a-z0-9]+")
WORD = re.compile(r"\w+")  # a word of a label as written (letters, digits, accents)
# Articles, prepositions and conjunctions of job titles: they carry no métier, and a title
# cannot end with one (what followed was removed).
TITLE_FUNCTION_WORDS = frozenset(
    [
        "a",
        "au",
        "aux",
        "d",
        "de",
        "des",
        "du",
        "en",
        "et",
        "l",
        "la",
        "le",
        "les",
        "ou",
        "par",
        "pour",
        "sur",
        "un",
        "une",
        "avec",
        "chez",
        "dans",
    ]
)


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
