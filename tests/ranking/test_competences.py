"""The compétence ranker: candidates, features, scoring, text evidence, save/load."""

import lightgbm as lgb
import numpy as np
import pytest

from ranking.competences import (
    FEATURES,
    CompetenceRanker,
    FicheStats,
    evidence_of,
    label_stems,
    text_share,
    text_stems,
)


def _ranker() -> CompetenceRanker:
    fiches = {
        "G1803": FicheStats(
            ads=10.0,
            listed=frozenset({"caisse", "service", "accueil"}),
            coeur=frozenset({"service"}),
            labelled={"service": 8.0, "caisse": 3.0, "hygiene": 2.0},
        ),
        "M1805": FicheStats(ads=5.0, listed=frozenset({"python"}), coeur=frozenset(), labelled={}),
    }
    return CompetenceRanker(
        fiches=fiches,
        rates={"service": 0.2, "caisse": 0.1, "hygiene": 0.05},
        kinds={"service": "savoir-faire", "caisse": "savoir", "python": "savoir"},
        model="",  # no booster: scores by the fiche label rate
        slope=1.0,
        offset=0.0,
        version="v",
        fingerprint="f",
    )


def test_stems_fold_and_drop_generic_words():
    assert text_stems("Mise en rayon des Produits") == {"mise", "rayon", "produ"}
    assert label_stems("Réaliser la mise en rayon") == {"rayon"}
    assert label_stems("Réaliser") == {"reali"}  # nothing else left: keep it


def test_text_share():
    stems = text_stems("Accueil des clients, tenir la caisse")
    assert text_share("Tenir une caisse", stems) == 1.0
    assert text_share("Caisse enregistreuse", stems) == 0.5


def test_candidates_skip_unlikely_fiches():
    ranker = _ranker()
    assert ranker.candidates([("G1803", 0.9), ("M1805", 0.01)]) == {
        "caisse",
        "service",
        "accueil",
        "hygiene",
    }


def test_frequency_ranks_and_evidence_is_kept_apart():
    ranker = _ranker()
    scored = ranker.score([("G1803", 1.0)], {"caisse": 1.0, "python": 1.0})
    codes = [s.code for s in scored]
    assert codes[0] == "service"  # labelled by 8 of 10 ads of the fiche
    assert codes.index("caisse") < codes.index("accueil")
    by_code = {s.code: s for s in scored}
    assert (by_code["service"].metier, by_code["service"].text_share) == ("G1803", 0)
    assert by_code["caisse"].metier is None  # the text shows it
    assert by_code["python"].metier is None  # found by its words only
    assert all(0 <= s.score <= 1 for s in scored)


def test_labels_outside_the_metier_need_most_of_their_words():
    ranker = _ranker()
    codes, kept = ranker.given([("G1803", 1.0)], {"caisse": 0.5, "python": 0.5, "vente": 0.6})
    assert kept == {"caisse": 0.5, "vente": 0.6}  # implied: any share; outside: LEXICAL_REACH
    assert "python" not in codes
    assert {"service", "accueil", "hygiene", "vente"} <= set(codes)


def test_features_weigh_fiches_by_probability():
    ranker = _ranker()
    feats = ranker.features("service", [("G1803", 0.5), ("M1805", 0.5)], 0.0)
    assert feats[FEATURES.index("listed")] == pytest.approx(0.5)
    assert feats[FEATURES.index("coeur")] == pytest.approx(0.5)
    assert feats[FEATURES.index("kind_savoir-faire")] == 1.0


def test_evidence_of_leaves_zeros_out():
    evidence = evidence_of("tenue de caisse", [("a", "Tenir une caisse"), ("b", "Cuisiner")])
    assert evidence == {"a": 0.5}


def test_save_load_round_trip(tmp_path):
    ranker = _ranker()
    path = tmp_path / "ranker.json"
    ranker.save(path)
    loaded = CompetenceRanker.load(path)
    assert (loaded.version, loaded.fingerprint) == ("v", "f")
    fiches = [("G1803", 0.7), ("M1805", 0.3)]
    assert loaded.score(fiches, {"python": 0.5}) == ranker.score(fiches, {"python": 0.5})


def test_booster_round_trip(tmp_path):
    rng = np.random.default_rng(0)
    x = rng.random((200, len(FEATURES)))
    y = (x[:, FEATURES.index("log_fiche_rate")] > 0.5).astype(int)
    booster = lgb.LGBMRanker(n_estimators=5, min_child_samples=5, verbose=-1, n_jobs=1)
    booster.fit(x, y, group=[20] * 10)
    ranker = _ranker()
    ranker.model = booster.booster_.model_to_string()
    path = tmp_path / "ranker.json"
    ranker.save(path)
    loaded = CompetenceRanker.load(path)
    assert np.allclose(loaded.raw(x[:5].tolist()), booster.predict(x[:5]))
    fiches = [("G1803", 1.0)]
    assert loaded.score(fiches, {}) == ranker.score(fiches, {})
