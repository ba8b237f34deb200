"""Free text -> fiche métier: a TF-IDF (words, word pairs, character n-grams) linear classifier.

The model is trained offline (`evaluation.descriptions.train`) and saved as one `.npz` file of
plain arrays (no pickle): the vocabulary, the inverse document frequencies, the class weights
pruned to their largest entries and stored feature by feature, the intercepts and a softmax
temperature fitted out of fold so that probabilities can be used softly.
"""

import json
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

import numpy as np
import numpy.typing as npt

from ranking.text import words

FORMAT = "metierscope-fiche-classifier/1"  # bumped whenever the saved arrays change meaning
ARTEFACT_FILE = "fiche-classifier.npz"
MAX_CHARS = 2000  # the opening of an ad names the job; the rest is perks and boilerplate
CHAR_SIZES = (3, 4, 5)  # character n-gram lengths, taken inside " word " (like char_wb)
WORD_BLOCK_WEIGHT = 0.8  # share of the squared norm given to words and pairs, rest to n-grams
# Function words and ad boilerplate: frequent everywhere, they only dilute the word block.
STOP_WORDS = frozenset(
    [
        "le",
        "la",
        "les",
        "l",
        "un",
        "une",
        "des",
        "du",
        "de",
        "d",
        "et",
        "ou",
        "en",
        "dans",
        "sur",
        "par",
        "pour",
        "avec",
        "sans",
        "au",
        "aux",
        "a",
        "ce",
        "cette",
        "ces",
        "se",
        "s",
        "qui",
        "que",
        "qu",
        "ne",
        "n",
        "pas",
        "vous",
        "votre",
        "vos",
        "nous",
        "notre",
        "nos",
        "il",
        "elle",
        "ils",
        "est",
        "sont",
        "etre",
        "h",
        "f",
        "hf",
    ]
)

FloatArray = npt.NDArray[np.float32]
IntArray = npt.NDArray[np.int32]


def tokens(text: str) -> tuple[list[str], list[str]]:
    """Word features (content words and adjacent pairs) and character n-grams of a text."""
    content = [w for w in words(text[:MAX_CHARS]) if w not in STOP_WORDS]
    word_feats = content + [f"{a} {b}" for a, b in pairwise(content)]
    grams: list[str] = []
    for word, count in Counter(content).items():
        padded = f" {word} "
        found = [padded[i : i + n] for n in CHAR_SIZES for i in range(len(padded) - n + 1)]
        grams += found * count
    return word_feats, grams


@dataclass
class Vectoriser:
    """Two TF-IDF blocks (words, n-grams), each sublinear and L2-normalised, then weighted."""

    words: dict[str, int]  # word and pair features -> index in [0, n_word)
    grams: dict[str, int]  # n-grams -> index in [n_word, n_features); "api" may be in both
    idf: FloatArray

    @property
    def n_word(self) -> int:
        """Number of word and pair features (they come first)."""
        return len(self.words)

    def names(self) -> list[str]:
        """Feature names in index order (words, then n-grams)."""
        return sorted(self.words, key=self.words.__getitem__) + sorted(
            self.grams, key=self.grams.__getitem__
        )

    def transform_one(self, text: str) -> tuple[IntArray, FloatArray]:
        """Indices and values of the text's features."""
        word_feats, grams = tokens(text)
        indices: list[int] = []
        values: list[float] = []
        blocks = (
            (word_feats, self.words, WORD_BLOCK_WEIGHT),
            (grams, self.grams, 1 - WORD_BLOCK_WEIGHT),
        )
        for feats, vocabulary, weight in blocks:
            counts = Counter(vocabulary[f] for f in feats if f in vocabulary)
            block = [(i, (1 + math.log(c)) * float(self.idf[i])) for i, c in counts.items()]
            norm = math.sqrt(sum(v * v for _, v in block)) or 1.0
            indices += [i for i, _ in block]
            values += [v / norm * math.sqrt(weight) for _, v in block]
        return np.asarray(indices, dtype=np.int32), np.asarray(values, dtype=np.float32)


def fit_vectoriser(texts: Iterable[str], max_words: int, max_grams: int) -> Vectoriser:
    """Vocabulary of the features in at least two texts, most frequent first, with their idf."""
    word_df: Counter[str] = Counter()
    gram_df: Counter[str] = Counter()
    n_docs = 0
    for text in texts:
        word_feats, grams = tokens(text)
        word_df.update(set(word_feats))
        gram_df.update(set(grams))
        n_docs += 1
    kept_words = [f for f, c in word_df.most_common(max_words) if c >= 2]
    kept_grams = [f for f, c in gram_df.most_common(max_grams) if c >= 2]
    dfs = [word_df[f] for f in kept_words] + [gram_df[f] for f in kept_grams]
    idf = np.log((1 + n_docs) / (1 + np.asarray(dfs, dtype=np.float64))) + 1
    return vectoriser_of(kept_words, kept_grams, idf.astype(np.float32))


def vectoriser_of(
    word_names: Sequence[str], gram_names: Sequence[str], idf: FloatArray
) -> Vectoriser:
    """A vectoriser from its feature names (words first) and their idf."""
    words_index = {f: i for i, f in enumerate(word_names)}
    grams_index = {f: len(word_names) + i for i, f in enumerate(gram_names)}
    return Vectoriser(words_index, grams_index, idf)


@dataclass
class FicheClassifier:
    """Probabilities of the fiches métier a free text describes."""

    vectoriser: Vectoriser
    classes: list[str]
    indptr: npt.NDArray[np.int64]  # weights stored by feature: classes[indptr[j]:indptr[j+1]]
    class_index: IntArray
    weights: FloatArray
    intercept: FloatArray
    temperature: float
    version: str
    fingerprint: str

    def scores(self, text: str) -> FloatArray:
        """Raw linear score of every class."""
        indices, values = self.vectoriser.transform_one(text)
        out = self.intercept.copy()
        if len(indices):
            starts, ends = self.indptr[indices], self.indptr[indices + 1]
            lengths = ends - starts
            positions = np.repeat(ends - lengths.cumsum(), lengths) + np.arange(lengths.sum())
            np.add.at(
                out,
                self.class_index[positions],
                self.weights[positions] * np.repeat(values, lengths),
            )
        return out

    def probabilities(self, text: str) -> FloatArray:
        """Softmax of the scores at the fitted temperature."""
        logits = self.scores(text) / self.temperature
        exp: FloatArray = np.exp(logits - logits.max()).astype(np.float32)
        total = float(exp.sum())
        return exp / np.float32(total)

    def predict(self, text: str, k: int) -> list[tuple[str, float]]:
        """The k likeliest fiches métier with their probabilities, best first."""
        probs = self.probabilities(text)
        top = np.argsort(-probs, kind="stable")[:k]
        return [(self.classes[i], float(probs[i])) for i in top]

    def save(self, path: Path) -> None:
        """Write the model as plain arrays (loadable without pickle)."""
        features = self.vectoriser.names()
        meta = {
            "format": FORMAT,
            "version": self.version,
            "fingerprint": self.fingerprint,
            "temperature": self.temperature,
            "n_word": self.vectoriser.n_word,
            "classes": self.classes,
        }
        with path.open("wb") as handle:
            np.savez_compressed(
                handle,
                meta=np.asarray(json.dumps(meta)),
                features=np.asarray(features),
                idf=self.vectoriser.idf,
                indptr=self.indptr,
                class_index=self.class_index,
                weights=self.weights.astype(np.float16),
                intercept=self.intercept,
            )

    @classmethod
    def load(cls, path: Path) -> "FicheClassifier":
        """Read a model written by `save`."""
        with np.load(path, allow_pickle=False) as data:
            meta = json.loads(str(data["meta"]))
            if meta["format"] != FORMAT:
                raise ValueError(f"{path}: format {meta['format']!r}, expected {FORMAT!r}")
            features = [str(f) for f in data["features"]]
            n_word = int(meta["n_word"])
            vectoriser = vectoriser_of(features[:n_word], features[n_word:], data["idf"])
            return cls(
                vectoriser=vectoriser,
                classes=list(meta["classes"]),
                indptr=data["indptr"].astype(np.int64),
                class_index=data["class_index"].astype(np.int32),
                weights=data["weights"].astype(np.float32),
                intercept=data["intercept"].astype(np.float32),
                temperature=float(meta["temperature"]),
                version=str(meta["version"]),
                fingerprint=str(meta["fingerprint"]),
            )


def from_dense(
    vectoriser: Vectoriser,
    classes: Sequence[str],
    coef: npt.NDArray[np.float64],
    intercept: npt.NDArray[np.float64],
    *,
    keep: int,
    temperature: float,
    version: str = "",
    fingerprint: str = "",
) -> FicheClassifier:
    """A classifier from a dense (classes x features) weight matrix, keeping its `keep`
    largest weights in absolute value."""
    flat = np.abs(coef).ravel()
    mask = np.zeros(flat.shape, dtype=bool)
    mask[np.argpartition(-flat, keep - 1)[:keep] if keep < len(flat) else slice(None)] = True
    mask &= flat > 0
    feature_major = mask.reshape(coef.shape).T
    counts = feature_major.sum(axis=1)
    indptr = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
    feat_idx, class_idx = np.nonzero(feature_major)
    return FicheClassifier(
        vectoriser=vectoriser,
        classes=list(classes),
        indptr=indptr,
        class_index=class_idx.astype(np.int32),
        weights=coef[class_idx, feat_idx].astype(np.float32),
        intercept=intercept.astype(np.float32),
        temperature=temperature,
        version=version,
        fingerprint=fingerprint,
    )
