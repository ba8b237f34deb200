"""TF-IDF index over appellation labels and known ad titles, and per-candidate features.

The same code computes features for training (a batch of queries, each blind to the titles of its
own source) and for serving (one query, nothing excluded), so both see identical features.
"""

import copy
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeAlias

import numpy as np
import numpy.typing as npt
from scipy import sparse  # type: ignore[import-untyped]
from sklearn.feature_extraction.text import TfidfVectorizer  # type: ignore[import-untyped]

from ranking.catalog import Catalog, FloatArray, IntArray, stems

Matrix: TypeAlias = Any  # scipy.sparse.csr_matrix (scipy ships no type information)
# N-grams found in more than 5 % of the documents carry almost no signal but make every
# similarity row dense; dropping them makes a query ~10x cheaper at equal accuracy.
MAX_DF = 0.05
CHAR_NGRAMS = (2, 5)  # char_wb 2-5 grams: robust to typos, inflections and glued words
WORD_NGRAMS = (1, 2)
TOP_LABELS = 30  # nearest labels that vote per fiche métier (the kNN baseline's setting)
TOP_TITLES = 30  # nearest known ad titles that vote per fiche métier and appellation
CANDIDATE_LABELS = 30  # best-matching labels always kept as candidates
CANDIDATE_PARENTS = 10  # fiches métier (by votes) whose best appellations are added
NO_SOURCE = -1

FEATURES = (
    "label_sim",
    "label_word",
    "label_char",
    "label_rank",
    "parent_label_max",
    "parent_label_vote",
    "parent_title_vote",
    "parent_title_raw",
    "parent_title_max",
    "fiche_title_vote",
    "app_title_vote",
    "app_prior",
    "parent_prior",
    "principale",
    "peu_usite",
    "top_label_sim",
    "top_title_sim",
    "query_words",
    "head_match",
    "query_cover",
    "label_cover",
    "head_share",
    "head_total",
    "head2_share",
    "head2_total",
)


def _vectorisers(max_df: float) -> tuple[TfidfVectorizer, TfidfVectorizer]:
    """The word and character vectorisers, unfitted."""
    common = {"sublinear_tf": True, "dtype": np.float32, "max_df": max_df}
    word = TfidfVectorizer(analyzer="word", ngram_range=WORD_NGRAMS, **common)
    char = TfidfVectorizer(analyzer="char_wb", ngram_range=CHAR_NGRAMS, **common)
    return word, char


def one_hot(rows: IntArray, columns: int) -> Matrix:
    """A 0/1 matrix with one column set per row (none where the row's value is -1)."""
    keep = rows >= 0
    data = np.ones(int(keep.sum()), dtype=np.float32)
    return sparse.csr_matrix((data, (np.nonzero(keep)[0], rows[keep])), shape=(len(rows), columns))


class _Half:
    """One fitted TF-IDF vectoriser as plain data: analyser, vocabulary, idf (no validation)."""

    def __init__(self, vectoriser: TfidfVectorizer, offset: int) -> None:
        """Read the fitted state once."""
        self.analyse: Callable[[str], list[str]] = vectoriser.build_analyzer()
        self.vocabulary: dict[str, int] = vectoriser.vocabulary_
        self.idf = vectoriser.idf_.astype(np.float64)
        self.offset = offset

    def row(self, text: str) -> tuple[list[int], FloatArray]:
        """Column positions and l2-normalised sublinear tf-idf weights of one text."""
        vocabulary = self.vocabulary
        counts = Counter(vocabulary[g] for g in self.analyse(text) if g in vocabulary)
        if not counts:
            return [], np.zeros(0)
        cols = list(counts)
        weights = (1.0 + np.log(np.fromiter(counts.values(), np.float64))) * self.idf[cols]
        weights /= np.sqrt(weights @ weights)
        return [c + self.offset for c in cols], weights


class Encoder:
    """Word and char TF-IDF side by side, hand-rolled: sklearn's per-call checks cost ~1 ms."""

    def __init__(self, word: TfidfVectorizer, char: TfidfVectorizer) -> None:
        """Wrap both fitted vectorisers."""
        self.word = _Half(word, 0)
        self.char = _Half(char, len(word.vocabulary_))
        self.width = len(word.vocabulary_) + len(char.vocabulary_)

    def __call__(self, texts: Sequence[str]) -> Matrix:
        """CSR rows whose dot products are the mean of the word and char cosines."""
        indptr, indices, data = [0], [], []
        for text in texts:
            for half in (self.word, self.char):
                cols, weights = half.row(text)
                indices.extend(cols)
                data.append(weights)
            indptr.append(len(indices))
        values = np.concatenate(data) / np.sqrt(2) if indices else np.zeros(0)
        return sparse.csr_matrix(
            (values.astype(np.float32), indices, indptr), shape=(len(texts), self.width)
        )


def head_keys(text: str) -> tuple[str, str]:
    """The first content-word stem of a text, and its first two ("" when missing)."""
    words = stems(text)
    return (words[0] if words else "", " ".join(words[:2]) if len(words) > 1 else "")


@dataclass
class HeadVotes:
    """Fiches métier of the known titles and labels that share a query's head word(s)."""

    groups: dict[str, IntArray]  # head key -> document positions
    parents: IntArray  # fiche métier of each document
    sources: IntArray  # source of each document (NO_SOURCE for labels: never hidden)

    @classmethod
    def fit(cls, texts: Sequence[str], parents: IntArray, sources: IntArray) -> "HeadVotes":
        """Group the documents by their one- and two-word heads."""
        groups: dict[str, list[int]] = {}
        for i, text in enumerate(texts):
            one, two = head_keys(text)
            for key in (f"1 {one}" if one else "", f"2 {two}" if two else ""):
                if key:
                    groups.setdefault(key, []).append(i)
        return cls(
            {k: np.array(v, dtype=np.int64) for k, v in sorted(groups.items())}, parents, sources
        )

    def votes(self, key: str, columns: int, hidden: int) -> FloatArray:
        """Documents per fiche métier with this head, those of source `hidden` left out."""
        pos = self.groups.get(key)
        if pos is None:
            return np.zeros(columns)
        if hidden != NO_SOURCE:
            pos = pos[self.sources[pos] != hidden]
        return np.bincount(self.parents[pos], minlength=columns).astype(np.float64)


@dataclass
class TitleIndex:
    """Fitted vectorisers, label and title matrices, and title / prior statistics."""

    catalog: Catalog
    word: TfidfVectorizer
    char: TfidfVectorizer
    labels_t: Matrix  # (word + char) features x appellations, columns scaled by 1/sqrt(2)
    labels_word_t: Matrix  # the word rows of labels_t
    titles_t: Matrix  # the same features x known titles
    title_app: IntArray  # catalog position of each title's appellation, -1 when unknown
    title_fiche: IntArray
    title_parent: IntArray
    title_source: IntArray
    app_counts: FloatArray  # sources x appellations: titles seen per appellation
    parent_counts: FloatArray  # sources x fiches métier
    heads: HeadVotes | None = None
    places: tuple[str, ...] = ()  # normalised commune names the cleaner drops (sorted)

    def __getstate__(self) -> dict[str, Any]:
        """Pickle without the encoder cache (rebuilt on first use), and the vectorisers
        without two attributes that transforming does not need and that would change the
        artefact's bytes from run to run: stop_words_ (kept for introspection, a set pickled
        in hash order) and _stop_words_id (a check memoised by an object's memory address)."""
        state = {k: v for k, v in self.__dict__.items() if k != "_encoder"}
        for name in ("word", "char"):
            vectoriser = copy.copy(state[name])
            vectoriser.__dict__.pop("stop_words_", None)
            vectoriser.__dict__.pop("_stop_words_id", None)
            state[name] = vectoriser
        return state

    @classmethod
    def fit(
        cls,
        catalog: Catalog,
        *,
        texts: list[str],
        apps: IntArray,
        fiches: IntArray,
        parents: IntArray,
        sources: IntArray,
        n_sources: int,
        max_df: float = MAX_DF,
        places: Sequence[str] = (),
    ) -> "TitleIndex":
        """Fit on the labels plus known (cleaned, deduplicated) titles and their codes."""
        word, char = _vectorisers(max_df)
        for vectoriser in (word, char):
            vectoriser.fit(catalog.texts + texts)
        empty = sparse.csr_matrix((0, 0))
        index = cls(
            catalog,
            word,
            char,
            empty,
            empty,
            empty,
            apps,
            fiches,
            parents,
            sources,
            np.zeros(0),
            np.zeros(0),
            places=tuple(sorted(places)),
        )
        index.heads = HeadVotes.fit(
            catalog.texts + texts,
            np.concatenate([catalog.parent_of, parents]),
            np.concatenate([np.full(len(catalog.texts), NO_SOURCE), sources]),
        )
        index.labels_t = sparse.csr_matrix(index.encode(catalog.texts).T)
        index.labels_word_t = sparse.csr_matrix(index.labels_t[: index.word_size])
        index.titles_t = sparse.csr_matrix(index.encode(texts).T)
        index.count(apps, n_sources)
        return index

    def count(self, apps: IntArray, n_sources: int) -> None:
        """Per-source title counts per appellation (given, or inferred) and per fiche métier."""
        keep = apps >= 0
        self.app_counts = np.zeros((n_sources, len(self.catalog.apps)))
        np.add.at(self.app_counts, (self.title_source[keep], apps[keep]), 1.0)
        self.parent_counts = np.zeros((n_sources, len(self.catalog.parents)))
        np.add.at(self.parent_counts, (self.title_source, self.title_parent), 1.0)

    def encode(self, texts: list[str]) -> Matrix:
        """Word and char TF-IDF side by side, so a dot product is the mean of both cosines."""
        encoder = self.__dict__.get("_encoder")
        if encoder is None:
            encoder = self.__dict__["_encoder"] = Encoder(self.word, self.char)
        return encoder(texts)

    @property
    def word_size(self) -> int:
        """Number of word features (they come first in an encoded row)."""
        return len(self.word.vocabulary_)

    def popularity(self) -> FloatArray:
        """Smoothed share of real ads that mean each appellation (add-one over all sources)."""
        counts = self.app_counts.sum(axis=0) + 1.0
        return np.asarray(counts / counts.sum(), dtype=np.float64)


@dataclass
class QueryFeatures:
    """Candidates of one query (catalog positions) and their feature rows."""

    candidates: IntArray
    values: FloatArray


def _top(row: npt.NDArray[np.float32], k: int) -> IntArray:
    """Positions of the k largest values, best first."""
    k = min(k, len(row))
    part = np.argpartition(-row, k - 1)[:k]
    return np.asarray(part[np.argsort(-row[part], kind="stable")], dtype=np.int64)
