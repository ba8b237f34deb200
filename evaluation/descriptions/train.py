"""Fit the fiche classifier and the compétence ranker on all training data; write the artefacts.

    .venv/bin/python -m evaluation.descriptions.train

The classifier's source-grouped CV runs first: its out-of-fold scores give the softmax
temperature and the fiche probabilities the ranker is stacked on (so the ranker learns how much
to trust a classifier that has never seen the ad). Deterministic: same inputs, same files.
"""

import json
import logging
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np

from evaluation.descriptions.data import Corpus, load_corpus
from evaluation.descriptions.data import fingerprint as input_fingerprint
from evaluation.descriptions.fiches import (
    Config,
    FoldResult,
    Prepared,
    cross_validate,
    fit,
    fit_temperature,
    prepare,
)
from evaluation.descriptions.ranker import (
    FoldRows,
    LabelIndex,
    base_ranker,
    build_fold_rows,
    cv_rankings,
)
from indexer.settings import Settings
from ranking.competences import ARTEFACT_FILE as RANKER_FILE
from ranking.competences import TOP_FICHES, CompetenceRanker
from ranking.descriptions import ARTEFACT_FILE as CLASSIFIER_FILE
from ranking.descriptions import FicheClassifier

VERSION = "descriptions-1"  # model family and feature set; the fingerprint names the data
log = logging.getLogger(__name__)


def softmax_top(
    scores: np.ndarray, classes: list[str], temperature: float, k: int
) -> list[tuple[str, float]]:
    """The k likeliest classes of one score row and their probabilities."""
    logits = scores / temperature
    logits = logits - logits.max()
    probs = np.exp(logits) / np.exp(logits).sum()
    top = np.argsort(-probs, kind="stable")[:k]
    return [(classes[i], float(probs[i])) for i in top]


def oof_fiches(
    prep: Prepared, results: list[FoldResult], temperature: float
) -> dict[int, list[tuple[str, float]]]:
    """Out-of-fold top fiches of every description row."""
    out = {}
    for res in results:
        for row, scores in zip(res.rows, res.scores, strict=True):
            out[int(row)] = softmax_top(scores, prep.classes, temperature, TOP_FICHES)
    return out


def competence_fiches(
    corpus: Corpus, by_row: dict[int, list[tuple[str, float]]]
) -> list[list[tuple[str, float]]]:
    """Out-of-fold fiches of each labelled ad (matched to its description by id and source)."""
    row_of = {(a.id, a.source): i for i, a in enumerate(corpus.descriptions)}
    return [by_row[row_of[(a.id, a.source)]] for a in corpus.competences]


@dataclass
class CrossValidated:
    """Everything the grouped CV produced, reused by the report and by `train`."""

    prep: Prepared
    results: list[FoldResult]
    temperature: float
    fiches: list[list[tuple[str, float]]]  # per labelled ad
    folds: list[FoldRows]
    rankings: list[list[str]]  # per labelled ad, out of fold
    calibration: tuple[float, float]
    booster: str  # the final booster, fitted on every fold (LightGBM model string)


def cross_validated(corpus: Corpus, cfg: Config) -> CrossValidated:
    """Classifier CV, temperature, and the ranker's out-of-fold candidate rows."""
    prep = prepare(corpus)
    results = cross_validate(prep, cfg, log=True)
    temperature = fit_temperature(prep, results)
    fiches = competence_fiches(corpus, oof_fiches(prep, results, temperature))
    index = LabelIndex.build(corpus.tables)
    folds = build_fold_rows(corpus.competences, corpus.tables, fiches, index)
    rankings, calibration, booster = cv_rankings(folds, len(corpus.competences))
    return CrossValidated(prep, results, temperature, fiches, folds, rankings, calibration, booster)


def train(
    settings: Settings, cfg: Config | None = None, cv: CrossValidated | None = None
) -> dict[str, Any]:
    """Fit both models on all training data, write them into `settings.model_dir`."""
    cfg = cfg or Config()
    start = time.perf_counter()
    corpus = load_corpus(settings.train_dir, settings.rome_dir)
    cv = cv or cross_validated(corpus, cfg)
    stamp = input_fingerprint(corpus.inputs)
    classifier = fit(cv.prep, np.arange(len(cv.prep.examples), dtype=np.int64), cfg)
    classifier.temperature, classifier.version, classifier.fingerprint = (
        cv.temperature,
        VERSION,
        stamp,
    )
    ranker = base_ranker(corpus.competences, corpus.tables)
    ranker.model = cv.booster
    ranker.slope, ranker.offset = cv.calibration
    ranker.version, ranker.fingerprint = VERSION, stamp
    folder = Path(settings.model_dir)
    folder.mkdir(parents=True, exist_ok=True)
    classifier.save(folder / CLASSIFIER_FILE)
    ranker.save(folder / RANKER_FILE)
    manifest = {
        "version": VERSION,
        "fingerprint": stamp,
        "config": asdict(cfg),
        "temperature": cv.temperature,
        "seconds": round(time.perf_counter() - start, 1),
        "bytes": {f: (folder / f).stat().st_size for f in (CLASSIFIER_FILE, RANKER_FILE)},
    }
    (folder / "descriptions-manifest.json").write_text(json.dumps(manifest, indent=2))
    return manifest


def load_models(folder: Path) -> tuple[FicheClassifier, CompetenceRanker]:
    """Both artefacts from a model folder."""
    return FicheClassifier.load(folder / CLASSIFIER_FILE), CompetenceRanker.load(
        folder / RANKER_FILE
    )


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    log.info(json.dumps(train(Settings()), indent=2))
