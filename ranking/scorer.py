"""The learned scoring function: a LightGBM ranker or a standardised linear model."""

from dataclasses import dataclass
from typing import Protocol

import lightgbm as lgb
import numpy as np

from ranking.catalog import FloatArray


class Scorer(Protocol):
    """Maps candidate feature rows to scores (higher is better)."""

    def score(self, values: FloatArray) -> FloatArray:
        """One score per row."""
        ...


@dataclass
class LinearScorer:
    """w . (x - mean) / scale + b, from a logistic regression on standardised features."""

    mean: FloatArray
    scale: FloatArray
    weights: FloatArray
    bias: float

    def score(self, values: FloatArray) -> FloatArray:
        """Linear score of each row."""
        return np.asarray(((values - self.mean) / self.scale) @ self.weights + self.bias)


class TreeScorer:
    """A LightGBM booster kept as its text dump, so the artefact is stable and inspectable."""

    def __init__(self, model_text: str) -> None:
        """Parse the booster once."""
        self.model_text = model_text
        self._booster = lgb.Booster(model_str=model_text)

    def __getstate__(self) -> dict[str, str]:
        """Pickle the text only."""
        return {"model_text": self.model_text}

    def __setstate__(self, state: dict[str, str]) -> None:
        """Rebuild the booster from its text."""
        self.__init__(state["model_text"])  # type: ignore[misc]

    def score(self, values: FloatArray) -> FloatArray:
        """Raw ranking score of each row (single thread: the API serves many queries)."""
        return np.asarray(self._booster.predict(values, num_threads=1), dtype=np.float64)

    def importance(self, names: tuple[str, ...]) -> dict[str, float]:
        """Total gain per feature, largest first."""
        gains = self._booster.feature_importance(importance_type="gain")
        pairs = sorted(zip(names, gains, strict=True), key=lambda kv: -kv[1])
        return {name: float(g) for name, g in pairs}
