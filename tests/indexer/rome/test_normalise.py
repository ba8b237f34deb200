"""Matching forms: one spelling for ’/', …/..., NBSP and runs of whitespace."""

import pytest

from indexer.rome.normalise import normalise_for_matching, undo_sql_quotes


@pytest.mark.parametrize(
    ("original", "expected"),
    [
        ("Conducteur d’engins", "Conducteur d'engins"),
        ("Conducteur d'engins", "Conducteur d'engins"),
        ("tourisme, loisirs…", "tourisme, loisirs..."),
        ("« coach\u00a0sportif »", "« coach sportif »"),
        ("  1.\tNe pas avoir\n\nfait  ", "1. Ne pas avoir fait"),
        ("“guillemets” ‘simples’", "\"guillemets\" 'simples'"),
        ("Œnologue", "Œnologue"),
    ],
)
def test_normalise_for_matching(original, expected):
    assert normalise_for_matching(original) == expected


def test_normalised_forms_of_both_spellings_match():
    assert normalise_for_matching("d’une cheffe…") == normalise_for_matching("d'une cheffe...")


def test_normalising_twice_changes_nothing():
    once = normalise_for_matching(" l’été …\u00a0 ")
    assert normalise_for_matching(once) == once


def test_sql_doubled_apostrophes_are_undone():
    assert undo_sql_quotes("l''entretien et d''autres") == "l'entretien et d'autres"
