"""Reciprocal rank fusion, the one way rankings are combined."""

from collections.abc import Callable, Sequence
from typing import Literal, TypeVar


def rrf(
    rankings: list[list[str]], k: int, weights: Sequence[float] | None = None
) -> dict[str, float]:
    """Reciprocal rank fusion: score(d) = sum over rankings of weight / (k + rank)."""
    scores: dict[str, float] = {}
    for ranking, weight in zip(rankings, weights or [1.0] * len(rankings), strict=True):
        for rank, key in enumerate(ranking, start=1):
            scores[key] = scores.get(key, 0.0) + weight / (k + rank)
    return dict(sorted(scores.items(), key=lambda item: -item[1]))


Mode = Literal["hybrid", "lexical", "semantic"]  # retrieval: BM25, kNN, or both fused by RRF
Item = TypeVar("Item")


def fuse(
    lexical: list[Item], semantic: list[Item], key: Callable[[Item], str], k: int
) -> list[tuple[Item, float]]:
    """Hybrid results: the two legs fused by RRF; an item both legs found keeps its lexical
    form (it carries the highlight)."""
    by_key = {key(h): h for h in semantic} | {key(h): h for h in lexical}
    fused = rrf([[key(h) for h in lexical], [key(h) for h in semantic]], k)
    return [(by_key[name], score) for name, score in fused.items()]
