"""Description -> fiche métier: training set, source reweighting, linear fit, grouped CV.

A fold holds out every description of one source and never trains on that source (its titles
included) nor on a text duplicated from it; the title-only sources and the export always train.
"""

import time
from collections import Counter
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt
from sklearn.naive_bayes import ComplementNB  # type: ignore[import-untyped]

from evaluation.descriptions.data import Corpus, Example
from evaluation.descriptions.features import Counts, count_texts, fold_space, tfidf
from evaluation.parallel import map_jobs
from ranking.descriptions import FicheClassifier, from_dense


@dataclass(frozen=True)
class Config:
    """Hyper-parameters of the classifier (defaults: the CV-chosen ones)."""

    max_words: int = 60_000  # word and pair features kept
    max_grams: int = 60_000  # character n-grams kept
    desc_cap: float = 10.0  # a (source, fiche) pair weighs at most this many descriptions
    title_cap: float = 10.0  # same for titles; IT/finance sources repeat a few codes
    title_weight: float = 0.5  # a title says less than a description
    export_weight: float = 1.0  # fiche texts and appellations: one example each
    alpha: float = 0.3  # additive smoothing of the complement counts
    keep: int = 3_000_000  # weights kept after pruning (artefact size)


@dataclass
class Prepared:
    """All classifier examples with their counts (computed once)."""

    examples: list[Example]
    counts: Counts
    n_descriptions: int
    classes: list[str] = field(default_factory=list)


def prepare(corpus: Corpus) -> Prepared:
    """Descriptions first (row i = description i), then titles, then the export."""
    examples = [Example(a.text, a.parent, a.source, a.key) for a in corpus.descriptions]
    examples += corpus.titles + corpus.export
    counts = count_texts([e.text for e in examples])
    classes = sorted({e.parent for e in examples})
    return Prepared(examples, counts, len(corpus.descriptions), classes)


def sample_weights(
    examples: list[Example], rows: npt.NDArray[np.int64], cfg: Config, n_descriptions: int
) -> npt.NDArray[np.float64]:
    """Weights that cap what one source may say about one fiche."""
    pairs = Counter((examples[i].source, examples[i].parent, i < n_descriptions) for i in rows)
    out = np.empty(len(rows))
    for j, i in enumerate(rows):
        ex = examples[i]
        if ex.source == "export":
            out[j] = cfg.export_weight
            continue
        is_desc = i < n_descriptions
        cap, scale = (cfg.desc_cap, 1.0) if is_desc else (cfg.title_cap, cfg.title_weight)
        out[j] = scale * min(1.0, cap / pairs[(ex.source, ex.parent, is_desc)])
    return out


def fit(prep: Prepared, rows: npt.NDArray[np.int64], cfg: Config) -> FicheClassifier:
    """Complement naive Bayes on the given rows, pruned; temperature 1 (set by the caller)."""
    space = fold_space(prep.counts, rows, cfg.max_words, cfg.max_grams)
    x = tfidf(prep.counts, space, rows)
    y = np.asarray([prep.examples[i].parent for i in rows])
    model = ComplementNB(alpha=cfg.alpha)
    model.fit(x, y, sample_weight=sample_weights(prep.examples, rows, cfg, prep.n_descriptions))
    # The joint log-likelihood is linear: x @ log_prob.T. Centring each feature's weights
    # across classes shifts every class by the same amount (same ranking and softmax), and
    # makes most weights near zero, so pruning keeps the informative ones.
    log_prob = model.feature_log_prob_ - model.feature_log_prob_.mean(axis=0, keepdims=True)
    coef = np.zeros((len(prep.classes), log_prob.shape[1]))
    intercept = np.full(len(prep.classes), -1e3)  # classes unseen in the fold never win
    where = [prep.classes.index(c) for c in model.classes_]
    coef[where], intercept[where] = log_prob, 0.0
    return from_dense(
        space.vectoriser(prep.counts), prep.classes, coef, intercept, keep=cfg.keep, temperature=1.0
    )


def fold_rows(prep: Prepared, source: str) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Training rows and test rows (descriptions) of the fold holding out `source`."""
    test = [i for i in range(prep.n_descriptions) if prep.examples[i].source == source]
    held = {prep.examples[i].key for i in test}
    train = [i for i, ex in enumerate(prep.examples) if ex.source != source and ex.key not in held]
    return np.asarray(train, dtype=np.int64), np.asarray(test, dtype=np.int64)


@dataclass
class FoldResult:
    """Out-of-fold scores of one source's descriptions."""

    source: str
    rows: npt.NDArray[np.int64]
    scores: npt.NDArray[np.float32]  # rows x classes
    seconds: float


def _fold(job: tuple[Prepared, Config, str]) -> FoldResult:
    """Fit without one source and score its descriptions."""
    prep, cfg, source = job
    start = time.perf_counter()
    train, test = fold_rows(prep, source)
    model = fit(prep, train, cfg)
    scores = np.stack([model.scores(prep.examples[i].text) for i in test])
    return FoldResult(source, test, scores, time.perf_counter() - start)


def cross_validate(prep: Prepared, cfg: Config, log: bool = True) -> list[FoldResult]:
    """One fold per description source (folds run in parallel, one per core)."""
    sources = sorted({prep.examples[i].source for i in range(prep.n_descriptions)})
    results = map_jobs(_fold, [(prep, cfg, source) for source in sources])
    for res in results if log else ():
        top1 = topk(prep, [res], 1)
        print(f"{res.source}: {len(res.rows)} top1={top1:.3f} {res.seconds:.0f}s")  # noqa: T201
    return results


def topk(prep: Prepared, results: list[FoldResult], k: int) -> float:
    """Share of descriptions whose fiche métier is in the k best scores."""
    hits = total = 0
    for res in results:
        truth = np.asarray([prep.classes.index(prep.examples[i].parent) for i in res.rows])
        best = np.argsort(-res.scores, axis=1, kind="stable")[:, :k]
        hits += int((best == truth[:, None]).any(axis=1).sum())
        total += len(res.rows)
    return hits / max(total, 1)


def fit_temperature(prep: Prepared, results: list[FoldResult]) -> float:
    """Softmax temperature minimising the out-of-fold log-loss of the true fiche."""
    scores = np.concatenate([r.scores for r in results])
    truth = np.asarray(
        [prep.classes.index(prep.examples[i].parent) for r in results for i in r.rows]
    )
    best, best_loss = 1.0, np.inf
    for temp in np.geomspace(0.01, 2.0, 60):
        logits = scores / temp
        logits -= logits.max(axis=1, keepdims=True)
        log_z = np.log(np.exp(logits).sum(axis=1))
        loss = float(np.mean(log_z - logits[np.arange(len(truth)), truth]))
        if loss < best_loss:
            best, best_loss = float(temp), loss
    return best
