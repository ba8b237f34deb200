"""Fit the title ranker on labelled titles: the TF-IDF index, the training rows, the scorer."""

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import lightgbm as lgb
import numpy as np
from sklearn.linear_model import LogisticRegression  # type: ignore[import-untyped]

from evaluation.titles.data import TitleExample, cap_per_code
from ranking.catalog import Catalog, FloatArray, IntArray
from ranking.extract import extract
from ranking.features import FEATURES, MAX_DF, NO_SOURCE, TitleIndex
from ranking.query import clean_title
from ranking.scorer import LinearScorer, Scorer, TreeScorer
from ranking.titles import TitleRanker

SEED = 20240612  # any fixed value: LightGBM is run deterministic, single-threaded
# Ranker-training titles kept per (source, fiche métier): no source or code dominates.
TRAIN_CAP = 25
BATCH = 512  # queries per feature batch while building training rows
# Relevance grades: exact appellation > its fiche > its fiche métier > anything else.
GRADE_APP, GRADE_FICHE, GRADE_PARENT = 3, 2, 1


@dataclass
class Params:
    """Everything that shapes the model, stored in the artefact."""

    kind: str = "lgbm"  # or "logreg"
    train_cap: int = TRAIN_CAP
    max_df: float = MAX_DF
    lgbm: dict[str, Any] = field(
        default_factory=lambda: {
            "objective": "lambdarank",
            "num_leaves": 15,  # small trees: ~18 features, a few thousand queries
            "learning_rate": 0.05,
            "n_estimators": 300,
            "min_child_samples": 50,  # a leaf needs 50 candidates: noisy labels, avoid memorising
            "colsample_bytree": 0.8,
            "reg_lambda": 1.0,
            "lambdarank_truncation_level": 10,  # only the first page matters
        }
    )


def source_ids(examples: Sequence[TitleExample]) -> tuple[list[str], IntArray]:
    """Sorted source names and each example's source position."""
    names = sorted({e.source for e in examples})
    pos = {n: i for i, n in enumerate(names)}
    return names, np.array([pos[e.source] for e in examples], dtype=np.int64)


def build_index(
    catalog: Catalog,
    examples: Sequence[TitleExample],
    max_df: float = MAX_DF,
    places: Sequence[str] = (),
) -> tuple[TitleIndex, list[str]]:
    """Index the cleaned, deduplicated titles with their codes (unknown fiches dropped)."""
    names, sources = source_ids(examples)
    drop = frozenset(places)
    seen: dict[tuple[int, str, str, str, str], None] = {}
    for ex, src in zip(examples, sources, strict=True):
        if catalog.parent_index(ex.rome_parent) >= 0:
            key = (
                int(src),
                clean_title(ex.query, drop),
                ex.rome,
                ex.appellation or "",
                ex.rome_parent,
            )
            seen.setdefault(key, None)
    keys = list(seen)
    apps = np.array([catalog.position.get(k[3], -1) for k in keys], dtype=np.int64)
    parents = np.array([catalog.parent_index(k[4]) for k in keys], dtype=np.int64)
    fiches = np.array([catalog.fiche_index(k[2]) for k in keys], dtype=np.int64)
    src = np.array([k[0] for k in keys], dtype=np.int64)
    index = TitleIndex.fit(
        catalog,
        texts=[k[1] for k in keys],
        apps=apps,
        fiches=fiches,
        parents=parents,
        sources=src,
        n_sources=len(names),
        max_df=max_df,
        places=places,
    )
    index.count(_infer_apps(index, apps, fiches, parents), len(names))
    return index, names


def _infer_apps(index: TitleIndex, apps: IntArray, fiches: IntArray, parents: IntArray) -> IntArray:
    """For titles without an appellation: the best-matching label of their fiche (popularity)."""
    cat = index.catalog
    out = apps.copy()
    todo = np.nonzero(apps < 0)[0]
    for start in range(0, len(todo), BATCH):
        rows = todo[start : start + BATCH]
        sims = (index.titles_t[:, rows].T @ index.labels_t).toarray()
        for r, t in enumerate(rows):
            lo, hi = int(cat.parent_start[parents[t]]), int(cat.parent_start[parents[t] + 1])
            row = sims[r, lo:hi]
            same_fiche = cat.fiche_of[lo:hi] == fiches[t]
            if same_fiche.any():
                row = np.where(same_fiche, row, -1.0)
            out[t] = lo + int(np.argmax(row))
    return out


def grades(catalog: Catalog, ex: TitleExample, cands: IntArray) -> IntArray:
    """Relevance of each candidate for one example."""
    g = np.zeros(len(cands), dtype=np.int64)
    for j, c in enumerate(cands.tolist()):
        app = catalog.apps[c]
        if ex.appellation and app.code == ex.appellation:
            g[j] = GRADE_APP
        elif app.fiche == ex.rome and app.parent == ex.rome_parent:
            g[j] = GRADE_FICHE
        elif app.parent == ex.rome_parent:
            g[j] = GRADE_PARENT
    return g


def training_rows(
    index: TitleIndex, names: list[str], examples: Sequence[TitleExample], cap: int
) -> tuple[FloatArray, IntArray, list[int]]:
    """Feature rows, grades and group sizes; each query is blind to its own source's titles."""
    kept = cap_per_code(list(examples), cap)
    drop = frozenset(index.places)
    pos = {n: i for i, n in enumerate(names)}
    sources = np.array([pos.get(e.source, NO_SOURCE) for e in kept], dtype=np.int64)
    xs: list[FloatArray] = []
    ys: list[IntArray] = []
    groups: list[int] = []
    for start in range(0, len(kept), BATCH):
        chunk = kept[start : start + BATCH]
        texts = [clean_title(e.query, drop) for e in chunk]
        feats = extract(index, texts, sources[start : start + BATCH])
        for ex, f in zip(chunk, feats, strict=True):
            y = grades(index.catalog, ex, f.candidates)
            if y.max() == 0:
                continue  # the right fiche is not among the candidates: nothing to learn
            xs.append(f.values)
            ys.append(y)
            groups.append(len(y))
    return np.vstack(xs), np.concatenate(ys), groups


def fit_scorer(x: FloatArray, y: IntArray, groups: list[int], params: Params) -> Scorer:
    """LightGBM lambdarank (default) or a logistic regression on 'right fiche métier'."""
    if params.kind == "logreg":
        mean, scale = x.mean(axis=0), x.std(axis=0) + 1e-9
        model = LogisticRegression(C=1.0, max_iter=1000)
        weight = 1.0 + (y == GRADE_APP)  # the exact appellation counts twice
        model.fit((x - mean) / scale, (y > 0).astype(int), sample_weight=weight)
        return LinearScorer(
            mean, scale, model.coef_[0].astype(np.float64), float(model.intercept_[0])
        )
    ranker = lgb.LGBMRanker(
        **params.lgbm,
        random_state=SEED,
        n_jobs=1,
        deterministic=True,
        force_row_wise=True,
        verbose=-1,
    )
    ranker.fit(x, y, group=groups, feature_name=list(FEATURES))
    return TreeScorer(ranker.booster_.model_to_string())


def fit_ranker(
    catalog: Catalog,
    examples: Sequence[TitleExample],
    params: Params,
    meta: dict[str, Any],
    places: Sequence[str] = (),
) -> TitleRanker:
    """Index + scorer trained on the given examples only; `places` are dropped from titles."""
    index, names = build_index(catalog, examples, params.max_df, places)
    x, y, groups = training_rows(index, names, examples, params.train_cap)
    scorer = fit_scorer(x, y, groups, params)
    return TitleRanker(index, scorer, {**meta, "sources": names, "training_queries": len(groups)})
