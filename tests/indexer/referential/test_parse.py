import pytest

from indexer.referential.parse import integer, undouble_quotes, yes_no
from models.entities import Transitions


def test_yes_no_accepts_the_export_spellings_and_refuses_others():
    assert [yes_no(v) for v in ("O", "N", "oui", "non", "")] == [True, False, True, False, None]
    with pytest.raises(ValueError, match="expected O or N"):
        yes_no("X")


def test_integer_refuses_text():
    assert integer("12") == 12
    with pytest.raises(ValueError, match="expected an integer"):
        integer("douze")


def test_sql_doubled_apostrophes_are_undone():
    assert undouble_quotes("assure l''entretien") == "assure l'entretien"


def test_transition_tags():
    tags = Transitions(eco="Emploi Vert", num=True, demo=False).tags()
    assert tags == ["Emploi Vert", "Transition numérique"]
    assert Transitions(eco="Emploi Blanc").tags() == []
