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

    async def encode(self, text: str) -> list[float]:
        """The query vector, computed in a worker thread (the model is CPU-bound)."""
        return await asyncio.to_thread(self._encode, text)
