"""Compétence ranking: candidates, out-of-fold features, logistic fit, grouped CV, baselines.

Label frequencies are always computed without the ad's own source (a fold never counts its own
labels), and the fiche probabilities are the classifier's out-of-fold ones, so the CV figures
are what a new source of ads would get.
"""

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import lightgbm as lgb
import numpy as np
from sklearn.linear_model import LogisticRegression  # type: ignore[import-untyped]

from evaluation.descriptions.data import Ad, Tables
from evaluation.parallel import map_jobs
from ranking.competences import (
    FEATURES,
    CompetenceRanker,
    FicheStats,
    label_stems,
    text_stems,
)

Fiches = list[tuple[str, float]]
# Small, slow-learning trees: 1,344 ads, label noise; lambdarank beat logistic regression
# (item R@10 0.446 vs 0.419 in grouped CV) and binary LightGBM.
TREES = 200
LEARNING_RATE = 0.05
LEAVES = 15
MIN_CHILD = 50  # rows per leaf: candidates of at least a few ads


@dataclass
class LabelIndex:
    """Content stems of every label and the labels each stem appears in."""

    stems: dict[str, frozenset[str]]
    by_stem: dict[str, set[str]]

    @classmethod
    def build(cls, tables: Tables) -> "LabelIndex":
        """Index the labels of every compétence and savoir."""
        stems = {code: label_stems(label) for code, label in tables.label.items()}
        by_stem: dict[str, set[str]] = defaultdict(set)
        for code, found in stems.items():
            for stem in found:
                by_stem[stem].add(code)
        return cls(stems, by_stem)

    def evidence(self, text: str) -> dict[str, float]:
        """Share of each reached label's stems present in the text (zeros left out)."""
        said = text_stems(text)
        reached = {c for s in said for c in self.by_stem.get(s, ())}
        return {c: len(self.stems[c] & said) / len(self.stems[c]) for c in reached}


def fiche_stats(ads: Sequence[Ad], tables: Tables) -> dict[str, FicheStats]:
    """Per fiche métier: export items and coeur, training ads and their label counts."""
    ads_per: Counter[str] = Counter(a.parent for a in ads)
    labelled: dict[str, Counter[str]] = defaultdict(Counter)
    for ad in ads:
        labelled[ad.parent].update(ad.labels)
    return {
        code: FicheStats(
            float(ads_per[code]),
            frozenset(tables.items.get(code, ())),
            frozenset(tables.coeur.get(code, ())),
            {c: float(n) for c, n in labelled[code].items()},
        )
        for code in set(tables.items) | set(ads_per)
    }


def label_rates(ads: Sequence[Ad]) -> dict[str, float]:
    """Share of ads labelling each item."""
    counts = Counter(c for a in ads for c in a.labels)
    return {c: n / max(len(ads), 1) for c, n in counts.items()}


def base_ranker(ads: Sequence[Ad], tables: Tables) -> CompetenceRanker:
    """A ranker with the tables of these ads, scoring by label rate until a model is set."""
    return CompetenceRanker(
        fiches=fiche_stats(ads, tables),
        rates=label_rates(ads),
        kinds=dict(tables.kind),
        model="",
        slope=1.0,
        offset=0.0,
    )


def candidate_rows(
    ranker: CompetenceRanker, fiches: Fiches, evidence: dict[str, float]
) -> tuple[list[str], list[list[float]], dict[str, float]]:
    """Candidate codes, their features, and the evidence the scorer would be given."""
    codes, given = ranker.given(fiches, evidence)
    return codes, [ranker.features(c, fiches, given.get(c, 0.0)) for c in codes], given


@dataclass
class FoldRows:
    """Candidates of the ads of one source, with features computed without that source."""

    source: str
    ads: list[int]
    codes: list[list[str]]
    features: list[np.ndarray]
    labels: list[np.ndarray]


def _source_rows(
    job: tuple[Sequence[Ad], Tables, Sequence[Fiches], LabelIndex, str],
) -> FoldRows:
    """Candidate rows of one source's ads, label rates counted without that source."""
    ads, tables, fiches, index, source = job
    ranker = base_ranker([a for a in ads if a.source != source], tables)
    fold = FoldRows(source, [], [], [], [])
    for i, ad in enumerate(ads):
        if ad.source != source:
            continue
        codes, feats, _ = candidate_rows(ranker, fiches[i], index.evidence(ad.text))
        fold.ads.append(i)
        fold.codes.append(codes)
        fold.features.append(np.asarray(feats, dtype=np.float64).reshape(-1, len(FEATURES)))
        fold.labels.append(np.asarray([c in ad.labels for c in codes], dtype=np.int8))
    return fold


def build_fold_rows(
    ads: Sequence[Ad], tables: Tables, fiches: Sequence[Fiches], index: LabelIndex
) -> list[FoldRows]:
    """Out-of-fold candidate rows, one fold per source (sources in parallel)."""
    sources = sorted({a.source for a in ads})
    return map_jobs(_source_rows, [(ads, tables, fiches, index, s) for s in sources])


def fit_booster(folds: Sequence[FoldRows]) -> lgb.Booster:
    """Lambdarank booster on the given folds' rows (one query per ad)."""
    x = np.concatenate([f for fold in folds for f in fold.features])
    y = np.concatenate([lab for fold in folds for lab in fold.labels])
    groups = [len(f) for fold in folds for f in fold.features]
    model = lgb.LGBMRanker(
        objective="lambdarank",
        n_estimators=TREES,
        learning_rate=LEARNING_RATE,
        num_leaves=LEAVES,
        min_child_samples=MIN_CHILD,
        n_jobs=1,
        random_state=0,
        deterministic=True,
        force_row_wise=True,
        verbose=-1,
    )
    model.fit(x, y, group=groups, feature_name=list(FEATURES))
    return model.booster_


def calibrate(raw: np.ndarray, labels: np.ndarray) -> tuple[float, float]:
    """Platt slope and offset turning raw scores into label probabilities."""
    model = LogisticRegression(C=1e6, max_iter=1000)  # two parameters: no regularisation
    model.fit(raw.reshape(-1, 1), labels)
    return float(model.coef_[0, 0]), float(model.intercept_[0])


def _fit_without(job: tuple[list[FoldRows], int | None]) -> tuple[str, list[np.ndarray]]:
    """A booster fitted on every fold but `held_out` (None: on all of them): its model string
    and its raw scores of the held-out fold's candidates."""
    folds, held_out = job
    booster = fit_booster([f for j, f in enumerate(folds) if j != held_out])
    held = [] if held_out is None else folds[held_out].features
    scores = [np.asarray(booster.predict(f, num_threads=1), dtype=np.float64) for f in held]
    return str(booster.model_to_string(num_iteration=-1)), scores


def cv_rankings(
    folds: Sequence[FoldRows], n_ads: int
) -> tuple[list[list[str]], tuple[float, float], str]:
    """Each ad's candidates ranked by a booster fitted on the other sources' rows, the
    calibration fitted on those out-of-fold scores, and the final booster fitted on all rows
    (its model string). The fits run in parallel, one per core."""
    ranked: list[list[str]] = [[] for _ in range(n_ads)]
    raws, labels = [], []
    # The final fit, the longest, goes first so that no core is left idle at the end.
    jobs = [(list(folds), k) for k in (None, *range(len(folds)))]
    (final, _), *held_out = map_jobs(_fit_without, jobs)
    for fold, (_, scores) in zip(folds, held_out, strict=True):
        for i, codes, raw, labs in zip(fold.ads, fold.codes, scores, fold.labels, strict=True):
            if not codes:
                continue
            raws.append(raw)
            labels.append(labs)
            ranked[i] = [codes[j] for j in np.lexsort((np.asarray(codes), -raw)).tolist()]
    return ranked, calibrate(np.concatenate(raws), np.concatenate(labels)), final


def _held_out_scores(job: tuple[list[FoldRows], list[FoldRows], int]) -> list[np.ndarray]:
    """Raw scores of fold k's `scored` rows by a booster fitted on the other folds' `fitted`."""
    fitted, scored, k = job
    booster = fit_booster([f for j, f in enumerate(fitted) if j != k])
    return [np.asarray(booster.predict(f, num_threads=1)) for f in scored[k].features]


def transfer_rankings(
    fitted: Sequence[FoldRows], scored: Sequence[FoldRows], n_ads: int
) -> list[list[str]]:
    """Each ad's candidates in `scored` ranked by a booster fitted on the other sources' rows
    of `fitted` (the same folds, built from other fiche probabilities): how the served model,
    trained on the text alone, ranks candidates of fiches found another way."""
    ranked: list[list[str]] = [[] for _ in range(n_ads)]
    jobs = [(list(fitted), list(scored), k) for k in range(len(scored))]
    for fold, scores in zip(scored, map_jobs(_held_out_scores, jobs), strict=True):
        for i, codes, raw in zip(fold.ads, fold.codes, scores, strict=True):
            if codes:
                ranked[i] = [codes[j] for j in np.lexsort((np.asarray(codes), -raw)).tolist()]
    return ranked


def oracle_rankings(
    ads: Sequence[Ad], tables: Tables, key: Callable[[CompetenceRanker, Ad], list[str]]
) -> list[list[str]]:
    """Per ad, a baseline ranking of its true fiche's items, tables built without its source."""
    rankers = {
        s: base_ranker([a for a in ads if a.source != s], tables) for s in {a.source for a in ads}
    }
    return [key(rankers[ad.source], ad) for ad in ads]


def export_order(tables: Tables) -> Callable[[CompetenceRanker, Ad], list[str]]:
    """The fiche's items in export order."""
    return lambda _r, ad: list(tables.order.get(ad.parent, []))


def coeur_first(tables: Tables) -> Callable[[CompetenceRanker, Ad], list[str]]:
    """Coeur de métier items first, each group in export order."""

    def rank(_r: CompetenceRanker, ad: Ad) -> list[str]:
        coeur = tables.coeur.get(ad.parent, set())
        order = tables.order.get(ad.parent, [])
        return [c for c in order if c in coeur] + [c for c in order if c not in coeur]

    return rank


def label_frequency(tables: Tables) -> Callable[[CompetenceRanker, Ad], list[str]]:
    """Items the fiche's training ads label, most often first, then the rest in export order."""

    def rank(ranker: CompetenceRanker, ad: Ad) -> list[str]:
        stats = ranker.fiches.get(ad.parent)
        counts = stats.labelled if stats else {}
        seen = sorted(counts, key=lambda c: (-counts[c], -ranker.rates.get(c, 0.0), c))
        return seen + [c for c in tables.order.get(ad.parent, []) if c not in counts]

    return rank
