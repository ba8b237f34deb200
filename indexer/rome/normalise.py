"""Text forms for matching; display always keeps the original label."""

import re

_TRANSLATION = str.maketrans(
    {
        "\u2019": "'",  # ’ right single quotation mark (typographic apostrophe)
        "\u2018": "'",  # ‘
        "\u02bc": "'",  # ʼ modifier letter apostrophe
        "\u00b4": "'",  # ´ acute accent used as an apostrophe
        "\u201c": '"',  # “
        "\u201d": '"',  # ”
        "\u2026": "...",  # … horizontal ellipsis
        "\u00a0": " ",  # NBSP
        "\u202f": " ",  # narrow NBSP (before : ; ! ? in French typography)
        "\u2009": " ",  # thin space
    }
)
_SPACES = re.compile(r"\s+")


def undo_sql_quotes(text: str) -> str:
    """`l''entretien` -> `l'entretien`: unix_texte doubles every straight apostrophe."""
    return text.replace("''", "'")


def normalise_for_matching(text: str) -> str:
    """One spelling for comparison: ' for ’ ‘ ʼ, " for “ ”, ... for …, spaces collapsed.

    Case and accents are kept: folding them is the search analyzers' job.
    """
    return _SPACES.sub(" ", text.translate(_TRANSLATION)).strip()
