"""The autocomplete evaluation's prefixes: pure functions."""

import random

from evaluation.autocomplete import TYPO, _prefixes, with_typo
from evaluation.relevance import LabelledQuery


def _edits(a: str, b: str) -> int:
    """Damerau-Levenshtein distance (adjacent swaps count one)."""
    d = [[i + j if i * j == 0 else 0 for j in range(len(b) + 1)] for i in range(len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            d[i][j] = min(
                d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1])
            )
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[len(a)][len(b)]


def test_a_typo_is_one_slip_after_the_first_two_letters_and_the_same_on_every_run():
    rng = random.Random(1)
    slipped = [with_typo("infirmie", rng) for _ in range(200)]
    assert all(s[:2] == "in" and _edits("infirmie", s) == 1 for s in slipped)
    assert len(set(slipped)) > 20  # drops, replacements and swaps at every position
    assert slipped == [with_typo("infirmie", r) for r in [random.Random(1)] for _ in range(200)]


def test_prefixes_cover_3_5_and_8_letters_and_a_typo_of_the_8_letters_only_when_all_letters():
    labels = [
        LabelledQuery(
            query="Infirmier H/F", rome="J1506", rome_parent="J1506", appellation_code="15545"
        ),
        LabelledQuery(
            query="Agent d'accueil", rome="M1801", rome_parent="M1801", appellation_code="10301"
        ),
        LabelledQuery(query="Vendeur", rome="D1106", rome_parent="D1106"),
    ]
    prefixes = _prefixes(labels)
    assert [(p, c) for p, _, c in prefixes[:3]] == [
        ("inf", "3 letters"),
        ("infir", "5 letters"),
        ("infirmie", "8 letters"),
    ]
    assert [c for _, _, c in prefixes].count(TYPO) == 1  # "agent d'" has a sign
    typo = next(p for p, _, c in prefixes if c == TYPO)
    assert _edits("infirmie", typo) == 1
