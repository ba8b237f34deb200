"""Fit the fiche classifier and the compétence ranker on all training data; write the artefacts.

    .venv/bin/python -m evaluation.descriptions.train

The classifier's source-grouped CV runs first: its out-of-fold scores give the softmax
temperature and the fiche probabilities the ranker is stacked on (so the ranker learns how much
to trust a classifier that has never seen the ad). Those probabilities are averaged, as serving
does, with the title ranker's reading of the job title the text names (`ranking.named_title`),
the held-out source's own titles hidden from its votes. The title ranker must be trained first
(`metierscope train` does). Deterministic: same inputs, same files.
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
from ranking.named_title import TITLE_CANDIDATES, TITLE_WEIGHT, title_phrase, with_title
from ranking.titles import ARTEFACT_FILE as TITLES_FILE
from ranking.titles import ScoredAppellation, TitleRanker

VERSION = "descriptions-2"  # model family and feature set; the fingerprint names the data
log = logging.getLogger(__name__)
Named = dict[int, list[ScoredAppellation]]  # description row -> its named title's candidates


def softmax(scores: np.ndarray, temperature: float) -> np.ndarray:
    """Probabilities of one score row."""
    logits = scores / temperature
    exp = np.exp(logits - logits.max())
    return np.asarray(exp / exp.sum())


def _ranked_titles(prep: Prepared, titles: TitleRanker, phrases: dict[int, str]) -> Named:
    """The title ranker's candidates for each description row's phrase, blind to the
    description's own source (its titles are the same ads)."""
    sources = {name: i for i, name in enumerate(titles.meta["sources"])}
    rows = sorted(phrases)
    hidden = np.asarray([sources.get(prep.examples[r].source, -1) for r in rows], dtype=np.int64)
    ranked = titles.rank_many([phrases[r] for r in rows], TITLE_CANDIDATES, hidden)
    return dict(zip(rows, ranked, strict=True))


def named_titles(prep: Prepared, titles: TitleRanker) -> Named:
    """The candidates of the title each description names (what training and serving use)."""
    phrases = {r: title_phrase(prep.examples[r].text) for r in range(prep.n_descriptions)}
    return _ranked_titles(prep, titles, {r: p for r, p in phrases.items() if p is not None})


def given_titles(prep: Prepared, corpus: Corpus, titles: TitleRanker) -> Named:
    """The candidates of each description's own ad title, as if given beside the text."""
    phrases = {r: ad.title.strip() for r, ad in enumerate(corpus.descriptions)}
    return _ranked_titles(prep, titles, {r: p for r, p in phrases.items() if p})


def oof_probabilities(
    prep: Prepared, res: FoldResult, temperature: float, named: Named, weight: float = TITLE_WEIGHT
) -> np.ndarray:
    """Out-of-fold fiche probabilities of one fold's descriptions, named titles included."""
    classes = {c: i for i, c in enumerate(prep.classes)}
    return np.stack(
        [
            with_title(softmax(scores, temperature), named.get(int(row)), classes, weight)
            for row, scores in zip(res.rows, res.scores, strict=True)
        ]
    )


def oof_fiches(
    prep: Prepared,
    results: list[FoldResult],
    temperature: float,
    named: Named,
    weight: float = TITLE_WEIGHT,
) -> dict[int, list[tuple[str, float]]]:
    """Out-of-fold top fiches of every description row."""
    out = {}
    for res in results:
        probs = oof_probabilities(prep, res, temperature, named, weight)
        for row, row_probs in zip(res.rows, probs, strict=True):
            top = np.argsort(-row_probs, kind="stable")[:TOP_FICHES]
            out[int(row)] = [(prep.classes[i], float(row_probs[i])) for i in top]
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
    named: Named
    fiches: list[list[tuple[str, float]]]  # per labelled ad
    folds: list[FoldRows]
    rankings: list[list[str]]  # per labelled ad, out of fold
    calibration: tuple[float, float]
    booster: str  # the final booster, fitted on every fold (LightGBM model string)


def cross_validated(corpus: Corpus, cfg: Config, titles: TitleRanker) -> CrossValidated:
    """Classifier CV, temperature, named titles, and the ranker's out-of-fold candidate rows."""
    prep = prepare(corpus)
    results = cross_validate(prep, cfg, log=True)
    temperature = fit_temperature(prep, results)
    named = named_titles(prep, titles)
    fiches = competence_fiches(corpus, oof_fiches(prep, results, temperature, named))
    index = LabelIndex.build(corpus.tables)
    folds = build_fold_rows(corpus.competences, corpus.tables, fiches, index)
    rankings, calibration, booster = cv_rankings(folds, len(corpus.competences))
    return CrossValidated(
        prep, results, temperature, named, fiches, folds, rankings, calibration, booster
    )


def title_ranker(settings: Settings) -> TitleRanker:
    """The title ranker the description models are trained and served with."""
    path = Path(settings.model_dir) / TITLES_FILE
    if not path.is_file():
        raise FileNotFoundError(f"{path}: train the title ranker first (`metierscope train`)")
    return TitleRanker.load(path)


def train(
    settings: Settings, cfg: Config | None = None, cv: CrossValidated | None = None
) -> dict[str, Any]:
    """Fit both models on all training data, write them into `settings.model_dir`."""
    cfg = cfg or Config()
    start = time.perf_counter()
    corpus = load_corpus(settings.train_dir, settings.rome_dir)
    cv = cv or cross_validated(corpus, cfg, title_ranker(settings))
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
