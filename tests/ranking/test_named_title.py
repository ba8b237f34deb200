"""The job title a description names: found before its gender marker, spread over the fiches
by the title ranker's scores, averaged with the classifier's distribution."""

from dataclasses import dataclass, field
from typing import Any, cast

import numpy as np
import pytest

from ranking.named_title import (
    GIVEN_TITLE_WEIGHT,
    TITLE_WEIGHT,
    likely_fiches,
    title_distribution,
    title_phrase,
    with_title,
)
from ranking.titles import ScoredAppellation


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "Le centre hospitalier recrute un Technicien réseau et télécommunication (H/F) au sein "
            "des services techniques.",
            "Technicien réseau et télécommunication",
        ),
        ("Nous recherchons pour l'un de nos clients un Plaquiste H/F. Missions : ...", "Plaquiste"),
        ("Poste : « Chef de chantier VRD F/H » en CDI", "Chef de chantier VRD"),
        ("Missions : accueil. Serveur(se) h/f pour la saison", "Serveur(se)"),
        (
            "Votre futur(e) Assistant de Direction BTP H-F travaillera ...",
            "Assistant de Direction BTP",
        ),
    ],
)
def test_the_title_before_the_gender_marker_without_its_opening_words(text, title):
    assert title_phrase(text) == title


@pytest.mark.parametrize(
    "text",
    [
        "Vous assurez l'accueil des clients et l'encaissement.",  # no marker
        "Nous recrutons un (H/F) pour la saison.",  # a marker with no title before it
        "Poste à pourvoir. H/F",
    ],
)
def test_no_title_without_a_marked_phrase(text):
    assert title_phrase(text) is None


def test_a_long_sentence_before_the_marker_keeps_its_last_words_only():
    text = "dans une entreprise familiale de quarante salariés et en pleine croissance Couvreur H/F"
    assert title_phrase(text) == "de quarante salariés et en pleine croissance Couvreur"  # 8 words


def _app(parent: str, score: float) -> ScoredAppellation:
    return ScoredAppellation(code=f"{parent}-{score}", score=score, fiche=parent, parent=parent)


def test_the_title_distribution_sums_the_candidates_of_each_fiche():
    classes = {"A": 0, "B": 1, "C": 2}
    dist = title_distribution([_app("A", 2.0), _app("B", 1.0), _app("A", 1.0)], classes, 1.0)
    weights = np.exp([0.0, -1.0, -1.0]) / np.exp([0.0, -1.0, -1.0]).sum()
    assert dist == pytest.approx([weights[0] + weights[2], weights[1], 0.0])
    assert dist.sum() == pytest.approx(1.0)


def test_candidates_of_unknown_fiches_carry_no_mass():
    dist = title_distribution([_app("A", 1.0), _app("Z", 1.0)], {"A": 0}, 1.0)
    assert dist == pytest.approx([0.5])


def test_with_a_named_title_the_distributions_are_averaged():
    classes = {"A": 0, "B": 1}
    probs = np.array([0.8, 0.2])
    mixed = with_title(probs, [_app("B", 5.0)], classes)
    assert mixed == pytest.approx(
        [(1 - TITLE_WEIGHT) * 0.8, (1 - TITLE_WEIGHT) * 0.2 + TITLE_WEIGHT]
    )
    assert mixed.argmax() == 1  # a confident title outweighs a hesitant classifier


def test_without_a_named_title_the_classifier_stands():
    probs = np.array([0.8, 0.2])
    assert with_title(probs, None, {"A": 0, "B": 1}) is probs
    assert with_title(probs, [], {"A": 0, "B": 1}) is probs


@dataclass
class _Classifier:
    """Stands in for FicheClassifier: a fixed distribution over three fiches."""

    classes: list[str] = field(default_factory=lambda: ["A", "B", "C"])

    def probabilities(self, text: str) -> Any:
        return np.array([0.7, 0.2, 0.1], dtype=np.float32)


@dataclass
class _Titles:
    """Stands in for TitleRanker: "vendeur" means B, anything else C; records what it read."""

    read: list[str] = field(default_factory=list)

    def rank(self, phrase: str, size: int) -> list[ScoredAppellation]:
        self.read.append(phrase)
        return [_app("B" if "vendeur" in phrase.lower() else "C", 9.0)]


def _likely(text: str, title: str | None, titles: _Titles | None) -> list[tuple[str, float]]:
    return likely_fiches(cast(Any, _Classifier()), cast(Any, titles), text, 3, title=title)


def test_a_given_title_takes_the_place_of_the_named_one_with_its_own_weight():
    titles = _Titles()
    text = "Magasin recrute un Caissier H/F pour la caisse."
    fiches = dict(_likely(text, "  Vendeur en boulangerie ", titles))
    assert titles.read == ["Vendeur en boulangerie"]  # the named "Caissier" is not read
    w = GIVEN_TITLE_WEIGHT
    assert fiches == pytest.approx({"A": (1 - w) * 0.7, "B": (1 - w) * 0.2 + w, "C": (1 - w) * 0.1})


@pytest.mark.parametrize("title", [None, "", "   ", "!!!", "(H/F)", "😀 123"])
def test_without_a_given_title_with_a_word_in_it_the_named_one_is_read(title):
    titles = _Titles()
    fiches = dict(_likely("Magasin recrute un Caissier H/F.", title, titles))
    assert titles.read == ["Caissier"]
    assert fiches["C"] == pytest.approx((1 - TITLE_WEIGHT) * 0.1 + TITLE_WEIGHT)


def test_without_the_title_ranker_a_given_title_changes_nothing():
    fiches = _likely("J'ai tenu la caisse.", "Vendeur", None)
    assert [c for c, _ in fiches] == ["A", "B", "C"]
    assert [p for _, p in fiches] == pytest.approx([0.7, 0.2, 0.1])
