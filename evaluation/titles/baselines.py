"""Reference systems: BM25 over labels, and TF-IDF nearest neighbours voting per fiche métier."""

import math
from collections import Counter
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
from scipy import sparse  # type: ignore[import-untyped]
from sklearn.feature_extraction.text import TfidfVectorizer  # type: ignore[import-untyped]

from evaluation.titles.data import TitleExample
from evaluation.titles.metrics import Ranking
from ranking.catalog import Catalog
from ranking.text import normalise, words

BM25_K1 = 1.2  # the textbook BM25 term-frequency saturation
BM25_B = 0.75  # the textbook BM25 length normalisation
NEIGHBOURS = 30  # nearest labels (or titles) that vote, as in the reference baseline
# Votes are similarity**4: sharper than a plain sum, and reproduces the quoted baseline figures.
VOTE_POWER = 4
KEPT = 50  # appellations kept per query: more than any metric looks at
BATCH = 512  # queries per sparse product


class BM25Labels:
    """Plain BM25 over the folded appellation labels (long + short), no query cleaning."""

    def __init__(self, catalog: Catalog) -> None:
        """Build the BM25 weight matrix (appellations x vocabulary)."""
        self.catalog = catalog
        docs = [Counter(words(text)) for text in catalog.texts]
        self.vocab = {w: i for i, w in enumerate(sorted({w for d in docs for w in d}))}
        df = Counter(w for d in docs for w in d)
        n, avg = len(docs), sum(sum(d.values()) for d in docs) / len(docs)
        rows, cols, vals = [], [], []
        for r, doc in enumerate(docs):
            length = sum(doc.values())
            for w, tf in doc.items():
                idf = math.log(1 + (n - df[w] + 0.5) / (df[w] + 0.5))
                norm = tf + BM25_K1 * (1 - BM25_B + BM25_B * length / avg)
                rows.append(r)
                cols.append(self.vocab[w])
                vals.append(idf * tf * (BM25_K1 + 1) / norm)
        self.weights_t = sparse.csr_matrix((vals, (cols, rows)), shape=(len(self.vocab), n))

    def rank(self, queries: Sequence[str]) -> list[Ranking]:
        """Appellations by BM25 score; fiches in the order their appellations appear."""
        out: list[Ranking] = []
        for start in range(0, len(queries), BATCH):
            chunk = queries[start : start + BATCH]
            rows, cols = [], []
            for r, q in enumerate(chunk):
                for w in set(words(q)):
                    if w in self.vocab:
                        rows.append(r)
                        cols.append(self.vocab[w])
            q_mat = sparse.csr_matrix(
                (np.ones(len(rows)), (rows, cols)), shape=(len(chunk), len(self.vocab))
            )
            scores = (q_mat @ self.weights_t).toarray()
            out.extend(_apps_ranking(self.catalog, row) for row in scores)
        return out


def _apps_ranking(catalog: Catalog, scores: npt.NDArray[np.float64]) -> Ranking:
    """Ranking by appellation score alone."""
    top = np.argsort(-scores, kind="stable")[:KEPT]
    apps = [catalog.apps[i] for i in top]
    return Ranking(
        parents=list(dict.fromkeys(a.parent for a in apps)),
        apps=[a.code for a in apps],
        fiches=list(dict.fromkeys(a.fiche for a in apps)),
    )


class KnnVote:
    """TF-IDF word 1-2 + char 2-5 grams; the 30 nearest documents vote for their fiche métier.

    Documents are the appellation labels, optionally plus training titles (plain, uncleaned).
    """

    def __init__(self, catalog: Catalog, titles: Sequence[TitleExample] = ()) -> None:
        """Fit both vectorisers on the documents."""
        self.catalog = catalog
        texts = [a.libelle for a in catalog.apps] + [t.query for t in titles]
        self.parents = [a.parent for a in catalog.apps] + [t.rome_parent for t in titles]
        self.fiches = [a.fiche for a in catalog.apps] + [t.rome for t in titles]
        self.apps: list[str | None] = [a.code for a in catalog.apps]
        self.apps += [t.appellation for t in titles]
        common = {"strip_accents": "unicode", "sublinear_tf": True, "dtype": np.float32}
        self.word = TfidfVectorizer(analyzer="word", ngram_range=(1, 2), **common)
        self.char = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), **common)
        self.docs_t = sparse.csr_matrix(self._encode(texts, fit=True).T)

    def _encode(self, texts: Sequence[str], fit: bool = False) -> sparse.csr_matrix:
        """Both TF-IDF halves side by side, scaled so a dot product is their mean cosine."""
        prepared = [normalise(t) for t in texts]
        if fit:
            self.word.fit(prepared)
            self.char.fit(prepared)
        both = sparse.hstack([self.word.transform(prepared), self.char.transform(prepared)])
        return sparse.csr_matrix(both / math.sqrt(2))

    def rank(self, queries: Sequence[str]) -> list[Ranking]:
        """Fiches métier by summed similarity of the nearest documents; appellations by label."""
        out: list[Ranking] = []
        for start in range(0, len(queries), BATCH):
            sims = (self._encode(queries[start : start + BATCH]) @ self.docs_t).toarray()
            top = np.argpartition(-sims, NEIGHBOURS, axis=1)[:, :NEIGHBOURS]
            for row, near in zip(sims, top, strict=True):
                out.append(self._vote(row, near))
        return out

    def _vote(self, sims: npt.NDArray[np.float32], near: npt.NDArray[np.int64]) -> Ranking:
        """One query's ranking from its neighbours."""
        votes: dict[str, float] = {}
        fiche_votes: dict[str, float] = {}
        apps: list[str] = []
        for i in sorted(near.tolist(), key=lambda j: -sims[j]):
            weight = float(sims[i]) ** VOTE_POWER
            votes[self.parents[i]] = votes.get(self.parents[i], 0.0) + weight
            fiche_votes[self.fiches[i]] = fiche_votes.get(self.fiches[i], 0.0) + weight
            app = self.apps[i]
            if app is not None and app not in apps:
                apps.append(app)
        parents = sorted(votes, key=lambda p: -votes[p])
        rank = {p: r for r, p in enumerate(parents)}
        position = self.catalog.position
        apps.sort(
            key=lambda a: (
                rank.get(self.catalog.apps[position[a]].parent, len(rank))
                if a in position
                else len(rank)
            )
        )
        return Ranking(
            parents=parents,
            apps=apps,
            fiches=sorted(fiche_votes, key=lambda f: -fiche_votes[f]),
        )
