"""Query vectors: computed off the event loop, remembered for repeated queries."""

import asyncio
import threading
from collections import OrderedDict

from embeddings import Embedder, EmbeddingContract

QUERY_CACHE_SIZE = 4096  # distinct recent queries; a vector is 1.5 KB


class QueryEncoder:
    """Encodes search queries with the index's model; a small LRU spares repeated work."""

    def __init__(self, embedder: Embedder) -> None:
        self._embedder = embedder
        self._cache: OrderedDict[str, list[float]] = OrderedDict()
        self._lock = threading.Lock()

    @property
    def contract(self) -> EmbeddingContract:
        """Model, dimension and normalisation of the query vectors."""
        return self._embedder.contract

    def _encode(self, text: str) -> list[float]:
        with self._lock:
            if text in self._cache:
                self._cache.move_to_end(text)
                return self._cache[text]
        vector = [float(x) for x in self._embedder.queries([text])[0]]
        with self._lock:
            self._cache[text] = vector
            if len(self._cache) > QUERY_CACHE_SIZE:
                self._cache.popitem(last=False)
        return vector

    def _encode_many(self, texts: list[str]) -> list[list[float]]:
        with self._lock:
            known = {t: self._cache[t] for t in texts if t in self._cache}
        todo = list(dict.fromkeys(t for t in texts if t not in known))
        if todo:  # one batch for everything not cached: far cheaper than one call each
            fresh = self._embedder.queries(todo)
            with self._lock:
                for text, row in zip(todo, fresh, strict=True):
                    known[text] = self._cache[text] = [float(x) for x in row]
                while len(self._cache) > QUERY_CACHE_SIZE:
                    self._cache.popitem(last=False)
        return [known[t] for t in texts]

    async def encode_many(self, texts: list[str]) -> list[list[float]]:
        """Vectors of several queries, the uncached ones computed in one batch."""
        return await asyncio.to_thread(self._encode_many, texts)

    async def encode(self, text: str) -> list[float]:
        """The query vector, computed in a worker thread (the model is CPU-bound)."""
        return await asyncio.to_thread(self._encode, text)
