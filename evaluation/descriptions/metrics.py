"""Recall and precision of ranked compétences against recruiter labels, at two levels."""

from collections.abc import Sequence

from evaluation.descriptions.data import Tables

KS = (5, 10, 20)


def recall_at(wanted: set[str], ranked: Sequence[str], k: int) -> float | None:
    """Share of wanted codes in the first k; None when nothing is wanted."""
    return len(wanted & set(ranked[:k])) / len(wanted) if wanted else None


def precision_at(wanted: set[str], ranked: Sequence[str], k: int) -> float | None:
    """Share of the first k that are wanted (k counts even if fewer were returned)."""
    return len(wanted & set(ranked[:k])) / k if wanted else None


def mean(values: Sequence[float | None]) -> float:
    """Mean of the defined values (0 if none)."""
    kept = [v for v in values if v is not None]
    return sum(kept) / len(kept) if kept else 0.0


def level_metrics(pairs: Sequence[tuple[set[str], list[str]]]) -> dict[str, float]:
    """Recall@k and precision@5 averaged over the ads that have labels at this level."""
    out = {f"R@{k}": mean([recall_at(w, r, k) for w, r in pairs]) for k in KS}
    out["P@5"] = mean([precision_at(w, r, 5) for w, r in pairs])
    out["n"] = float(sum(1 for w, _ in pairs if w))
    return out


def macros(tables: Tables, codes: Sequence[str]) -> list[str]:
    """Codes rolled up to their macro-compétence, in order, each once (savoirs dropped)."""
    return list(dict.fromkeys(m for c in codes if (m := tables.macro.get(c))))


def both_levels(
    tables: Tables, labels: Sequence[Sequence[str]], ranked: Sequence[list[str]]
) -> dict[str, dict[str, float]]:
    """Item-level and macro-level metrics of rankings against labels."""
    items = [(set(w), r) for w, r in zip(labels, ranked, strict=True)]
    rolled = [
        (set(macros(tables, w)), macros(tables, r)) for w, r in zip(labels, ranked, strict=True)
    ]
    return {"item": level_metrics(items), "macro": level_metrics(rolled)}
