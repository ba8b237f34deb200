"""Ranking metrics rolled up to the fiche métier, plus exact fiche and appellation hits."""

from collections.abc import Sequence
from dataclasses import dataclass

from evaluation.titles.data import TitleExample

TOP_K = 5  # the "top-5" of every metric: what a results page shows above the fold


@dataclass(frozen=True)
class Ranking:
    """What a system returned for one query: fiches métier and appellations, best first."""

    parents: list[str]
    apps: list[str]
    fiches: list[str]


def ranking_from_apps(
    apps: Sequence[str], fiche_of: dict[str, str], parent_of: dict[str, str]
) -> Ranking:
    """A ranking whose fiche lists are the distinct fiches of the ranked appellations."""
    parents = list(dict.fromkeys(parent_of[a] for a in apps))
    fiches = list(dict.fromkeys(fiche_of[a] for a in apps))
    return Ranking(parents=parents, apps=list(apps), fiches=fiches)


def _reciprocal(items: list[str], gold: str) -> float:
    """1 / rank of gold in items, 0 when absent."""
    return 1.0 / (items.index(gold) + 1) if gold in items else 0.0


def score(examples: Sequence[TitleExample], rankings: Sequence[Ranking]) -> dict[str, float]:
    """Top-1, top-5 and MRR at the fiche métier level; exact fiche top-1; appellation top-1/5."""
    n = len(examples)
    sums = dict.fromkeys(("rome_top1", "rome_top5", "rome_mrr", "fiche_top1"), 0.0)
    app_sums = {"app_top1": 0.0, "app_top5": 0.0}
    n_app = 0
    for ex, r in zip(examples, rankings, strict=True):
        sums["rome_top1"] += float(r.parents[:1] == [ex.rome_parent])
        sums["rome_top5"] += float(ex.rome_parent in r.parents[:TOP_K])
        sums["rome_mrr"] += _reciprocal(r.parents, ex.rome_parent)
        sums["fiche_top1"] += float(r.fiches[:1] == [ex.rome])
        if ex.appellation:
            n_app += 1
            app_sums["app_top1"] += float(r.apps[:1] == [ex.appellation])
            app_sums["app_top5"] += float(ex.appellation in r.apps[:TOP_K])
    out = {"n": float(n), **{k: v / max(n, 1) for k, v in sums.items()}, "n_app": float(n_app)}
    out.update({k: v / n_app if n_app else float("nan") for k, v in app_sums.items()})
    return out
