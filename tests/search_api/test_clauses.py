"""Clause splitting, lemmas and negation with the real French spaCy pipeline."""

import pytest
from spacy.language import Language

from search_api.profile.clauses import load_nlp, read_text


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def clauses(nlp: Language, text: str) -> list[tuple[str, bool]]:
    return [(c.text, c.negated) for c in read_text(nlp, text).clauses]


def test_coordinated_and_comma_clauses_are_split(nlp):
    text = "j'ai tenu la caisse et fait les inventaires dans une supérette, j'encadrais 2 apprentis"
    assert clauses(nlp, text) == [
        ("j'ai tenu la caisse", False),
        ("fait les inventaires dans une supérette", False),
        ("j'encadrais 2 apprentis", False),
    ]


def test_lemmas_keep_the_activity_words(nlp):
    reading = read_text(nlp, "J'encadrais deux apprentis")
    assert reading.clauses[0].lemmas == ("encadrer", "apprenti")


def test_negated_clause_is_flagged(nlp):
    assert clauses(nlp, "Je n'ai jamais encadré d'équipe. J'ai géré les commandes.") == [
        ("Je n'ai jamais encadré d'équipe", True),
        ("J'ai géré les commandes", False),
    ]


def test_restrictive_ne_que_is_not_negation(nlp):
    assert clauses(nlp, "Je n'ai fait que de la vente en boutique.") == [
        ("Je n'ai fait que de la vente en boutique", False)
    ]


def test_bullet_lines_are_clauses_with_offsets(nlp):
    text = "Missions :\n- Accueil des clients\n- Encaissement"
    reading = read_text(nlp, text)
    found = [(c.text, text[c.start : c.end]) for c in reading.clauses]
    assert ("Accueil des clients", "Accueil des clients") in found
    assert ("Encaissement", "Encaissement") in found


def test_french_is_recognised_and_other_languages_are_not(nlp):
    assert read_text(nlp, "J'ai travaillé dans une boulangerie pendant trois ans.").looks_french
    english = "I worked as a cashier in a small shop and I managed the stock every week."
    assert not read_text(nlp, english).looks_french
    assert read_text(nlp, "caisse, inventaire").looks_french  # too short to judge: accepted
