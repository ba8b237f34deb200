"""Title ranking out of source: the learned ranker against the nearest-neighbour baseline on a
source it never trained on (the broad Lilyaz16 sample, 3,090 real ad titles), with the figures
of `metierscope eval`'s grouped cross-validation as floors. Deterministic: no tolerance for
chance, only for the next change."""

import pytest

from evaluation.titles.cv import Row, cross_validate
from evaluation.titles.data import TITLES_FILE, load_catalog, load_examples, load_places
from evaluation.titles.model import Params
from indexer.settings import Settings

pytestmark = pytest.mark.eval

FOLD = "Lilyaz16/lso_france_travail"
MODEL = f"model_{Params().kind}"


@pytest.fixture(scope="module")
def rows() -> list[Row]:
    settings = Settings()
    catalog = load_catalog(settings.rome_dir)
    examples = load_examples(settings.train_dir / TITLES_FILE)
    assert len(examples) > 30_000, "the training titles are missing"
    places = load_places(settings.territoires_dir, catalog)
    return cross_validate(
        catalog, examples, only=("knn_labels", MODEL), fold_names=(FOLD,), places=places
    )


def figures(rows: list[Row], system: str) -> dict[str, float]:
    return next(r.metrics for r in rows if r.system == system and r.fold == FOLD)


def test_the_ranker_beats_the_nearest_neighbour_baseline_on_an_unseen_source(rows):
    model, knn = figures(rows, MODEL), figures(rows, "knn_labels")
    assert model["n"] == knn["n"] > 3000
    assert model["rome_top1"] >= knn["rome_top1"] + 0.02
    assert model["rome_top5"] >= knn["rome_top5"] + 0.02
    assert model["rome_top1"] >= 0.75
    assert model["rome_top5"] >= 0.88
