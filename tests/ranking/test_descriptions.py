"""The fiche classifier: serving features equal training features, save/load, prediction."""

import numpy as np

from evaluation.descriptions.features import Counts, FoldSpace, count_texts, fold_space, tfidf
from ranking.descriptions import FicheClassifier, from_dense, tokens

TEXTS = [
    "Serveur en restaurant : service en salle, prise de commandes, encaissement",
    "Serveuse de brasserie, service du midi, encaissement des clients",
    "Développeur Python, API REST et bases de données PostgreSQL",
    "Développeuse logiciel Python, tests automatisés et bases de données",
    "Aide-soignant en EHPAD : soins d'hygiène, aide au repas des résidents",
    "Aide-soignante, soins d'hygiène et de confort, transmissions",
]
CLASSES = ["G1803", "M1805", "J1501"]
LABELS = [0, 0, 1, 1, 2, 2]


def _space() -> tuple[Counts, np.ndarray, FoldSpace]:
    counts = count_texts(TEXTS)
    rows = np.arange(len(TEXTS), dtype=np.int64)
    space = fold_space(counts, rows, 1000, 1000)
    return counts, rows, space


def test_tokens_have_words_pairs_and_grams():
    word_feats, grams = tokens("Mise en rayon")
    assert {"mise", "mise rayon"} <= set(word_feats)
    assert {" mi", "ayon "} <= set(grams)


def test_serving_vector_equals_training_matrix():
    counts, rows, space = _space()
    matrix = tfidf(counts, space, rows).toarray()
    vectoriser = space.vectoriser(counts)
    for i, text in enumerate(TEXTS):
        indices, values = vectoriser.transform_one(text)
        dense = np.zeros(matrix.shape[1], dtype=np.float32)
        dense[indices] = values
        assert np.allclose(dense, matrix[i], atol=1e-5)


def _classifier(keep: int = 10_000) -> FicheClassifier:
    counts, rows, space = _space()
    x = tfidf(counts, space, rows).toarray()
    coef = np.stack([x[[i for i, y in enumerate(LABELS) if y == c]].mean(axis=0) for c in range(3)])
    return from_dense(
        space.vectoriser(counts),
        CLASSES,
        coef,
        np.zeros(3),
        keep=keep,
        temperature=0.1,
        version="v",
        fingerprint="f",
    )


def test_predict_ranks_the_right_fiche_first():
    model = _classifier()
    best = model.predict("serveur, service en salle et encaissement", 3)
    assert best[0][0] == "G1803"
    assert abs(sum(p for _, p in best) - 1) < 1e-5
    assert [p for _, p in best] == sorted((p for _, p in best), reverse=True)


def test_scores_match_dense_product():
    model = _classifier()
    counts, rows, space = _space()
    x = tfidf(counts, space, rows).toarray()
    coef = np.stack([x[[i for i, y in enumerate(LABELS) if y == c]].mean(axis=0) for c in range(3)])
    assert np.allclose(model.scores(TEXTS[2]), x[2] @ coef.T, atol=1e-4)


def test_pruning_keeps_the_largest_weights():
    model = _classifier(keep=5)
    assert len(model.weights) == 5


def test_save_load_round_trip(tmp_path):
    model = _classifier()
    path = tmp_path / "model.npz"
    model.save(path)
    loaded = FicheClassifier.load(path)
    assert (loaded.version, loaded.fingerprint) == ("v", "f")
    text = "aide-soignante en EHPAD"
    assert loaded.predict(text, 1)[0][0] == model.predict(text, 1)[0][0] == "J1501"
    assert np.allclose(loaded.probabilities(text), model.probabilities(text), atol=1e-3)
