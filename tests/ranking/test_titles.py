"""The title ranker end to end on a tiny referential: fit, save, load, rank."""

import os
import subprocess
import sys

import joblib  # type: ignore[import-untyped]
import numpy as np
import pytest
from scipy import sparse  # type: ignore[import-untyped]

from evaluation.titles.data import TitleExample, cap_per_code
from evaluation.titles.metrics import Ranking, score
from evaluation.titles.model import Params, fit_ranker
from ranking.catalog import AppellationInfo, Catalog
from ranking.titles import ArtefactError, TitleCandidate, TitleRanker

APPS = [
    ("1", "Conducteur / Conductrice de poids lourd", "N4101", "N4101", True),
    ("2", "Chauffeur / Chauffeuse de super poids lourd", "N4101", "N4101", False),
    ("3", "Infirmier / Infirmière", "J1506", "J1506", True),
    ("4", "Infirmier / Infirmière de nuit", "J1506", "J1506", False),
    ("5", "Vendeur / Vendeuse en prêt-à-porter", "D1214", "D1214", True),
    ("6", "Vendeur / Vendeuse en chaussures", "D1211", "D1214", False),
    ("7", "Paysagiste", "A1203", "A1203", True),
    ("8", "Aide paysagiste", "A1203", "A1203", False),
    ("9", "Directeur / Directrice de crèche", "K1403", "K1403", True),
    ("10", "Comptable", "M1203", "M1203", True),
]
TRAIN = [
    ("a", "Chauffeur SPL (H/F)", "N4101", "2"),
    ("a", "Conducteur PL CDI", "N4101", "1"),
    ("a", "Infirmier IDE nuit", "J1506", "4"),
    ("a", "Vendeuse textile", "D1214", "5"),
    ("a", "Jardinier paysagiste", "A1203", "7"),
    ("b", "Chauffeur poids lourd", "N4101", "1"),
    ("b", "Infirmière diplômée d'état", "J1506", "3"),
    ("b", "Vendeur chaussures H/F", "D1211", "6"),
    ("b", "Aide paysagiste saisonnier", "A1203", "8"),
    ("b", "Comptable junior", "M1203", "10"),
    ("b", "Directrice de crèche", "K1403", "9"),
]
PARENT = {code: parent for code, _, _, parent, _ in APPS}


def catalog() -> Catalog:
    return Catalog.build(
        AppellationInfo(code, label, label, fiche, parent, principale, False)
        for code, label, fiche, parent, principale in APPS
    )


def examples() -> list[TitleExample]:
    return [
        TitleExample(source, query, rome, PARENT[app], app, False)
        for source, query, rome, app in TRAIN
    ]


def fit_small() -> TitleRanker:
    params = Params(max_df=1.0)
    params.lgbm.update(min_child_samples=1, n_estimators=20)
    return fit_ranker(catalog(), examples(), params, {"version": "t", "fingerprint": "f"})


@pytest.fixture(scope="module")
def ranker() -> TitleRanker:
    return fit_small()


@pytest.mark.parametrize(
    ("query", "parent"),
    [
        ("Chauffeur SPL H/F", "N4101"),
        ("Infirmier de nuit CDI", "J1506"),
        ("Aide paysagiste", "A1203"),
        ("Directrice de crèche", "K1403"),
    ],
)
def test_rank_puts_the_right_fiche_first(ranker, query, parent):
    best = ranker.rank(query, size=3)
    assert best[0].parent == parent
    assert [s.score for s in best] == sorted((s.score for s in best), reverse=True)


def test_engine_candidates_are_scored_and_unknown_codes_ignored(ranker):
    extra = [TitleCandidate("10", lexical_rank=1, lexical_score=3.0), TitleCandidate("nope")]
    codes = [s.code for s in ranker.rank("Comptable", None, extra, size=20)]
    assert "10" in codes
    assert "nope" not in codes


def test_save_and_load_keep_scores_version_and_metadata(ranker, tmp_path):
    path = ranker.save(tmp_path / "titles.joblib")
    loaded = TitleRanker.load(tmp_path)
    assert (loaded.version, loaded.fingerprint) == ("t", "f")
    assert loaded.rank("Vendeur H/F") == ranker.rank("Vendeur H/F")
    info = loaded.appellation("2")
    assert info is not None
    assert (info.fiche, info.parent, info.principale) == ("N4101", "N4101", False)
    assert loaded.popularity("1") > loaded.popularity("nope") == 0.0
    assert path.exists()


def test_load_refuses_a_foreign_file(tmp_path):
    joblib.dump({"format": 0}, tmp_path / "titles.joblib")
    with pytest.raises(ArtefactError):
        TitleRanker.load(tmp_path / "titles.joblib")


def test_cap_per_code_dedupes_and_caps_per_source():
    rows = [TitleExample("s", "A", "X", "X", None, False)] * 3 + [
        TitleExample("s", f"t{i}", "X", "X", None, False) for i in range(5)
    ]
    kept = cap_per_code(rows, 2)
    assert [r.query for r in kept] == ["A", "t0"]


def test_score_rolls_up_to_fiche_metier():
    ex = [TitleExample("s", "q", "M1855", "M1805", "42", False)]
    good = Ranking(parents=["M1805"], apps=["42"], fiches=["M1855"])
    second = Ranking(parents=["A1101", "M1805"], apps=["1", "42"], fiches=["A1101"])
    assert score(ex, [good])["rome_top1"] == 1.0
    metrics = score(ex, [second])
    assert (metrics["rome_top1"], metrics["rome_top5"], metrics["rome_mrr"]) == (0.0, 1.0, 0.5)
    assert metrics["app_top5"] == 1.0


def test_hand_written_encoder_matches_sklearn(ranker):
    index = ranker.index
    texts = ["chauffeur spl super poids lourd", "aide paysagiste", "zzz", ""]
    ref = sparse.hstack([index.word.transform(texts), index.char.transform(texts)]) / np.sqrt(2)
    assert abs(ref - index.encode(texts)).max() < 1e-6


def test_head_votes_count_other_sources_only(ranker):
    heads = ranker.index.heads
    n = len(ranker.index.catalog.parents)
    everyone = heads.votes("1 chauf", n, -1)
    assert everyone.sum() >= 3  # the label "Chauffeur ..." and two ad titles
    source_b = ranker.meta["sources"].index("b")
    assert heads.votes("1 chauf", n, source_b).sum() == everyone.sum() - 1
    assert heads.votes("1 nope", n, -1).sum() == 0


FIT_AND_SAVE = """
import pathlib, sys
from tests.ranking.test_titles import fit_small
fit_small().save(pathlib.Path(sys.argv[1]))
"""


def test_two_trainings_under_other_hash_seeds_write_the_same_bytes(tmp_path):
    written = []
    for seed in ("1", "2"):
        path = tmp_path / f"titles-{seed}.joblib"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-c", FIT_AND_SAVE, str(path)], check=True, env=env)
        written.append(path.read_bytes())
    assert written[0] == written[1]
