"""Serving side of the job-title ranker: load the artefact once, rerank candidates per query."""

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import joblib  # type: ignore[import-untyped]
import numpy as np
import numpy.typing as npt

from ranking.catalog import AppellationInfo
from ranking.extract import extract
from ranking.features import FEATURES, TitleIndex
from ranking.query import clean_title
from ranking.scorer import Scorer

ARTEFACT_FILE = "titles.joblib"
FORMAT = 2  # bumped when the artefact layout changes; load() refuses other formats
BATCH = 256  # queries per feature batch in rank_many (bounded memory: ~60 MB per batch)


@dataclass(frozen=True)
class TitleCandidate:
    """An appellation proposed by the engine, with what each leg said about it (optional)."""

    code: str
    lexical_rank: int | None = None
    lexical_score: float | None = None
    semantic_rank: int | None = None
    semantic_score: float | None = None


@dataclass(frozen=True)
class ScoredAppellation:
    """One ranked appellation."""

    code: str
    score: float
    fiche: str
    parent: str


class ArtefactError(ValueError):
    """The artefact file is missing fields or has another format."""


class TitleRanker:
    """Candidates from the artefact's own TF-IDF index plus the engine's, scored by the model."""

    def __init__(self, index: TitleIndex, scorer: Scorer, meta: dict[str, Any]) -> None:
        """Wrap a fitted index and scorer; meta holds version, fingerprint and settings."""
        self.index = index
        self.scorer = scorer
        self.meta = meta
        self._popularity = index.popularity()
        self._places = frozenset(index.places)

    @property
    def version(self) -> str:
        """Model version string."""
        return str(self.meta["version"])

    @property
    def fingerprint(self) -> str:
        """sha256 of the training files and the export the model was built from."""
        return str(self.meta["fingerprint"])

    @classmethod
    def load(cls, path: Path) -> "TitleRanker":
        """Read an artefact written by save() (a file, or a folder holding titles.joblib)."""
        file = path / ARTEFACT_FILE if path.is_dir() else path
        payload = joblib.load(file)
        if not isinstance(payload, dict) or payload.get("format") != FORMAT:
            raise ArtefactError(f"{file}: not a title-ranker artefact of format {FORMAT}")
        if tuple(payload["features"]) != FEATURES:
            raise ArtefactError(f"{file}: built with other features; retrain")
        return cls(payload["index"], payload["scorer"], payload["meta"])

    def save(self, path: Path) -> Path:
        """Write the artefact (one joblib file) and return its path."""
        path.parent.mkdir(parents=True, exist_ok=True)
        payload = {
            "format": FORMAT,
            "features": list(FEATURES),
            "index": self.index,
            "scorer": self.scorer,
            "meta": self.meta,
        }
        joblib.dump(payload, path, compress=3)
        return path

    def appellation(self, code: str) -> AppellationInfo | None:
        """Metadata of one appellation (fiche, parent, classification, peu usité)."""
        pos = self.index.catalog.position.get(code)
        return None if pos is None else self.index.catalog.apps[pos]

    def popularity(self, code: str) -> float:
        """Smoothed share of real ads meaning this appellation (0 when unknown)."""
        pos = self.index.catalog.position.get(code)
        return 0.0 if pos is None else float(self._popularity[pos])

    def rank(
        self,
        query: str,
        query_vector: npt.NDArray[np.float32] | None = None,
        candidates: Sequence[TitleCandidate] = (),
        size: int = 10,
    ) -> list[ScoredAppellation]:
        """Best appellations for an ad title; the engine's candidates join the artefact's own.

        query_vector is accepted for interface stability; this model version does not use it
        (e5 cosine features gained about 1 point of top-1 in the grouped cross-validation, not
        yet worth encoding every training title at each training).
        """
        del query_vector
        position = self.index.catalog.position
        extra = [position[c.code] for c in candidates if c.code in position]
        return self._rank([clean_title(query, self._places)], [extra], size)[0]

    def rank_many(
        self, queries: Sequence[str], size: int = 10, sources: npt.NDArray[np.int64] | None = None
    ) -> list[list[ScoredAppellation]]:
        """rank() for many queries at once (evaluation); sources hide own-source titles."""
        out: list[list[ScoredAppellation]] = []
        for start in range(0, len(queries), BATCH):
            chunk = [clean_title(q, self._places) for q in queries[start : start + BATCH]]
            hidden = None if sources is None else sources[start : start + BATCH]
            out.extend(self._rank(chunk, None, size, hidden))
        return out

    def _rank(
        self,
        texts: list[str],
        extra: list[list[int]] | None,
        size: int,
        sources: npt.NDArray[np.int64] | None = None,
    ) -> list[list[ScoredAppellation]]:
        """Score each query's candidates and keep the best `size`."""
        apps = self.index.catalog.apps
        results: list[list[ScoredAppellation]] = []
        for feats in extract(self.index, texts, sources, extra):
            scores = self.scorer.score(feats.values)
            order = np.argsort(-scores, kind="stable")[:size]
            results.append(
                [
                    ScoredAppellation(
                        code=apps[c].code,
                        score=float(scores[o]),
                        fiche=apps[c].fiche,
                        parent=apps[c].parent,
                    )
                    for o in order
                    for c in (int(feats.candidates[o]),)
                ]
            )
        return results
