"""Source-grouped cross-validation of every system: no fold ever trains on its own source."""

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from evaluation.titles.baselines import BM25Labels, KnnVote
from evaluation.titles.data import TitleExample
from evaluation.titles.metrics import Ranking, ranking_from_apps, score
from evaluation.titles.model import Params, fit_ranker
from ranking.catalog import Catalog
from ranking.titles import TitleRanker

log = logging.getLogger(__name__)
# The four large sources are folds of their own; the seven small ones (3,285 titles) form one.
LARGE_SOURCES = (
    "pierre-jannot/ObservIA",
    "GeomarkSIG/France_Travail",
    "vimchun/Job-Market-in-France",
    "Lilyaz16/lso_france_travail",
)
SMALL_FOLD = "small sources"
KEPT = 50  # appellations kept per query by the model


@dataclass(frozen=True)
class Row:
    """One line of the results table."""

    system: str
    fold: str
    metrics: dict[str, float]


System = Callable[[Sequence[TitleExample], Sequence[TitleExample]], list[Ranking]]


def folds(examples: Sequence[TitleExample], mode: str = "grouped") -> dict[str, list[int]]:
    """Fold name -> test positions: `grouped` (5 folds) or `loso` (one per source)."""
    out: dict[str, list[int]] = {}
    for i, ex in enumerate(examples):
        name = ex.source if mode == "loso" or ex.source in LARGE_SOURCES else SMALL_FOLD
        out.setdefault(name, []).append(i)
    return dict(sorted(out.items()))


def model_rankings(ranker: TitleRanker, queries: Sequence[str]) -> list[Ranking]:
    """The model's output as rankings."""
    cat = ranker.index.catalog
    fiche_of = {a.code: a.fiche for a in cat.apps}
    parent_of = {a.code: a.parent for a in cat.apps}
    return [
        ranking_from_apps([s.code for s in scored], fiche_of, parent_of)
        for scored in ranker.rank_many(queries, size=KEPT)
    ]


def systems(catalog: Catalog, params: Params, places: Sequence[str] = ()) -> dict[str, System]:
    """Every compared system as train -> test -> rankings."""
    bm25 = BM25Labels(catalog)
    knn = KnnVote(catalog)

    def model(train: Sequence[TitleExample], test: Sequence[TitleExample]) -> list[Ranking]:
        """Our ranker fitted on the fold's training sources."""
        meta = {"version": "cv", "fingerprint": "cv"}
        ranker = fit_ranker(catalog, train, params, meta, places)
        return model_rankings(ranker, [e.query for e in test])

    return {
        "bm25_labels": lambda _train, test: bm25.rank([e.query for e in test]),
        "knn_labels": lambda _train, test: knn.rank([e.query for e in test]),
        "knn_labels_titles": lambda train, test: KnnVote(catalog, train).rank(
            [e.query for e in test]
        ),
        f"model_{params.kind}": model,
    }


def cross_validate(
    catalog: Catalog,
    examples: Sequence[TitleExample],
    params: Params | None = None,
    *,
    mode: str = "grouped",
    dev: Sequence[TitleExample] = (),
    only: Sequence[str] = (),
    places: Sequence[str] = (),
    fold_names: Sequence[str] = (),
) -> list[Row]:
    """Metrics of every system (or those named in `only`) per fold (or the folds named in
    `fold_names`, each still trained on every other source), pooled, macro, on dev."""
    params = params or Params()
    rows: list[Row] = []
    for name, system in systems(catalog, params, places).items():
        if only and name not in only:
            continue
        pooled_ex: list[TitleExample] = []
        pooled: list[Ranking] = []
        for fold, test_pos in folds(examples, mode).items():
            if fold_names and fold not in fold_names:
                continue
            started = time.monotonic()
            test = [examples[i] for i in test_pos]
            held = {e.source for e in test}
            train = [e for e in examples if e.source not in held]
            rankings = system(train, test)
            rows.append(Row(name, fold, score(test, rankings)))
            pooled_ex.extend(test)
            pooled.extend(rankings)
            log.info("%s %s %.0fs", name, fold, time.monotonic() - started)
        rows.extend(_summaries(name, rows, pooled_ex, pooled))
        if dev:
            dev_rank = system(examples, dev)
            rows.append(Row(name, "dev", score(dev, dev_rank)))
            hard = [i for i, e in enumerate(dev) if not e.trivial]
            rows.append(
                Row(
                    name,
                    "dev non-trivial",
                    score([dev[i] for i in hard], [dev_rank[i] for i in hard]),
                )
            )
    return rows


def _summaries(
    name: str, rows: list[Row], examples: list[TitleExample], rankings: list[Ranking]
) -> list[Row]:
    """Pooled, pooled non-trivial and macro (mean over folds) rows of one system."""
    per_fold = [r.metrics for r in rows if r.system == name]
    macro = {k: sum(m[k] for m in per_fold) / len(per_fold) for k in per_fold[0]}
    hard = [i for i, e in enumerate(examples) if not e.trivial]
    return [
        Row(name, "pooled", score(examples, rankings)),
        Row(
            name,
            "pooled non-trivial",
            score([examples[i] for i in hard], [rankings[i] for i in hard]),
        ),
        Row(name, "macro", macro),
    ]


COLUMNS = ("n", "rome_top1", "rome_top5", "rome_mrr", "fiche_top1", "app_top1", "app_top5")


def table(rows: Sequence[Row]) -> str:
    """The rows as a Markdown table."""
    head = "| system | fold | " + " | ".join(COLUMNS) + " |"
    lines = [head, "|---|---|" + "---:|" * len(COLUMNS)]
    for r in rows:
        cells = [f"{r.metrics[c]:.0f}" if c == "n" else f"{r.metrics[c]:.3f}" for c in COLUMNS]
        lines.append(f"| {r.system} | {r.fold} | " + " | ".join(cells) + " |")
    return "\n".join(lines)
