"""TF-IDF matrices for the fiche classifier, computed once for all folds.

Counting features is the slow part (pure Python), so every training text is counted once into
a global vocabulary; each fold then keeps the features its own training texts use most and
computes idf from them, exactly as `ranking.descriptions.Vectoriser` does for one text.
"""

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp  # type: ignore[import-untyped]

from ranking.descriptions import WORD_BLOCK_WEIGHT, Vectoriser, tokens, vectoriser_of

MIN_DF = 2  # a feature seen in one text only says nothing about a class


@dataclass
class Counts:
    """Raw counts of word and n-gram features of every text, with their global names."""

    words: sp.csr_matrix
    grams: sp.csr_matrix
    word_names: list[str]
    gram_names: list[str]


def _count(lists: Sequence[list[str]]) -> tuple[sp.csr_matrix, list[str]]:
    """CSR counts of feature lists and the feature names (first-seen order)."""
    index: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    for row, feats in enumerate(lists):
        for feat in feats:
            cols.append(index.setdefault(feat, len(index)))
            rows.append(row)
    data = np.ones(len(cols), dtype=np.float32)
    matrix = sp.csr_matrix((data, (rows, cols)), shape=(len(lists), len(index)))
    matrix.sum_duplicates()
    return matrix, list(index)


def count_texts(texts: Sequence[str]) -> Counts:
    """Feature counts of all texts."""
    pairs = [tokens(t) for t in texts]
    words, word_names = _count([p[0] for p in pairs])
    grams, gram_names = _count([p[1] for p in pairs])
    return Counts(words, grams, word_names, gram_names)


@dataclass
class FoldSpace:
    """The features one fold keeps and their idf."""

    word_cols: npt.NDArray[np.int64]
    gram_cols: npt.NDArray[np.int64]
    word_idf: npt.NDArray[np.float64]
    gram_idf: npt.NDArray[np.float64]

    def vectoriser(self, counts: Counts) -> Vectoriser:
        """The serving vectoriser of this space."""
        idf = np.concatenate([self.word_idf, self.gram_idf]).astype(np.float32)
        return vectoriser_of(
            [counts.word_names[i] for i in self.word_cols],
            [counts.gram_names[i] for i in self.gram_cols],
            idf,
        )


def _select(
    matrix: sp.csr_matrix, rows: npt.NDArray[np.int64], limit: int
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float64]]:
    """Columns most often present in the rows (at least MIN_DF), and their idf."""
    df = np.asarray((matrix[rows] > 0).sum(axis=0)).ravel()
    order = np.argsort(-df, kind="stable")[:limit]
    order = order[df[order] >= MIN_DF]
    idf = np.log((1 + len(rows)) / (1 + df[order])) + 1
    return order.astype(np.int64), idf


def fold_space(
    counts: Counts, rows: npt.NDArray[np.int64], max_words: int, max_grams: int
) -> FoldSpace:
    """Vocabulary and idf learnt from the training rows only."""
    word_cols, word_idf = _select(counts.words, rows, max_words)
    gram_cols, gram_idf = _select(counts.grams, rows, max_grams)
    return FoldSpace(word_cols, gram_cols, word_idf, gram_idf)


def _block(matrix: sp.csr_matrix, idf: npt.NDArray[np.float64], weight: float) -> sp.csr_matrix:
    """Sublinear tf times idf, L2-normalised per row, scaled to carry `weight` of the norm."""
    out = matrix.astype(np.float64).tocsr(copy=True)
    out.data = 1 + np.log(out.data)
    out = out @ sp.diags(idf)
    norms = np.sqrt(np.asarray(out.multiply(out).sum(axis=1)).ravel())
    norms[norms == 0] = 1
    return sp.diags(np.sqrt(weight) / norms) @ out


def tfidf(counts: Counts, space: FoldSpace, rows: npt.NDArray[np.int64]) -> sp.csr_matrix:
    """TF-IDF matrix of the rows in the fold's space."""
    words = _block(counts.words[rows][:, space.word_cols], space.word_idf, WORD_BLOCK_WEIGHT)
    grams = _block(counts.grams[rows][:, space.gram_cols], space.gram_idf, 1 - WORD_BLOCK_WEIGHT)
    return sp.hstack([words, grams], format="csr").astype(np.float32)
