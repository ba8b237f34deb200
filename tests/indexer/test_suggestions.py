"""Autocomplete inputs and weights: pure functions."""

from pathlib import Path

import joblib  # type: ignore[import-untyped]

from indexer.suggestions import NO_POPULARITY, load_popularity, standing, starts, suggestions


def test_a_label_starts_at_each_later_word_but_not_at_a_function_word_or_a_letter():
    assert starts("Agent / Agente d'entretien à domicile") == [
        "Agent / Agente d'entretien à domicile",
        "Agente d'entretien à domicile",
        "entretien à domicile",
        "domicile",
    ]
    assert starts("Comptable") == ["Comptable"]


def test_whole_labels_outweigh_their_later_words_and_none_is_repeated():
    value = suggestions(["Aide-soignant / Aide-soignante", "Aide-soignante", ""], 2.0)
    assert value[0] == {
        "input": ["Aide-soignant / Aide-soignante", "Aide-soignante"],
        "weight": 2000,
    }
    assert value[1] == {"input": ["soignant / Aide-soignante", "soignante"], "weight": 1000}
    assert suggestions(["Comptable"], 0.0001) == [{"input": ["Comptable"], "weight": 1}]


def test_popularity_and_kind_raise_a_suggestion_and_peu_usite_sinks_it():
    label = "Vendeur / Vendeuse en boulangerie"
    plain = standing("appellations", label)
    assert standing("appellations", label, share=0.001) > plain
    assert standing("appellations", label, peu_usite=True) == plain / 2
    assert standing("fiches", label) < plain
    assert standing("competences", label) < standing("fiches", label)
    assert standing("appellations", "Vendeur") > plain  # shorter first at equal standing


def test_without_the_title_artefact_suggestions_ignore_popularity(tmp_path: Path):
    assert load_popularity(tmp_path) is NO_POPULARITY
    assert NO_POPULARITY.share("15545") == 0.0
    joblib.dump({"format": "another"}, tmp_path / "titles.joblib")  # not a title ranker
    assert load_popularity(tmp_path) is NO_POPULARITY
