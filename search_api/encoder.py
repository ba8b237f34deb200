"""Query vectors: computed in one encoder thread, batched under load, remembered for repeats.

The model is CPU-bound C code that releases the GIL and already uses every core for one
text, so encodings never run side by side: one thread serves them, and the texts that arrived
while it was busy go together in its next call (a batch costs far less per text than single
calls). The event loop only waits on a future, so it keeps serving other requests.
"""

import asyncio
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import numpy.typing as npt

from embeddings import Embedder, EmbeddingContract

QUERY_CACHE_SIZE = 4096  # distinct recent queries; a vector is kept as 1.5 KB of float32
MAX_BATCH = 32  # texts per model call: a batch's latency is what every text in it waits
# One thread per process for every encoder (there is one model per process); it starts on the
# first encoding.
ENCODER_THREAD = ThreadPoolExecutor(max_workers=1, thread_name_prefix="query-encoder")

Vector = list[float]
# As a list of Python floats a vector weighs ~12 KB; the cache keeps the model's float32 rows.
Row = npt.NDArray[np.float32]


class QueryEncoder:
    """Encodes search queries with the index's model; an LRU spares repeated work."""

    def __init__(self, embedder: Embedder, cache_size: int = QUERY_CACHE_SIZE) -> None:
        self._embedder = embedder
        self._cache: OrderedDict[str, Row] = OrderedDict()
        self._cache_size = cache_size
        self._pending: dict[str, asyncio.Future[Vector]] = {}
        self._draining = False

    @property
    def contract(self) -> EmbeddingContract:
        """Model, dimension and normalisation of the query vectors."""
        return self._embedder.contract

    async def encode(self, text: str) -> Vector:
        """The query vector: remembered, or computed in the encoder thread's next batch."""
        if text in self._cache:
            self._cache.move_to_end(text)
            return self._cache[text].tolist()  # type: ignore[no-any-return]
        future = self._pending.get(text)  # the same text already waiting: share its vector
        if future is None:
            future = self._pending[text] = asyncio.get_running_loop().create_future()
            if not self._draining:
                self._draining = True
                asyncio.get_running_loop().create_task(self._drain())
        return await asyncio.shield(future)

    async def _drain(self) -> None:
        """Encode what is pending, batch after batch, until nothing is."""
        loop = asyncio.get_running_loop()
        try:
            while self._pending:
                batch = dict(list(self._pending.items())[:MAX_BATCH])
                for text in batch:
                    del self._pending[text]
                try:
                    rows = await loop.run_in_executor(ENCODER_THREAD, self._vectors, list(batch))
                except Exception as e:  # noqa: BLE001 (handed to every waiter, not swallowed)
                    for future in batch.values():
                        future.set_exception(e)
                    continue
                for (text, future), row in zip(batch.items(), rows, strict=True):
                    self._remember(text, row)
                    future.set_result(row.tolist())
        finally:  # also when the loop is closing: nothing may wait on a dead loop's futures
            self._draining = False
            for future in self._pending.values():
                future.cancel()
            self._pending.clear()

    def _vectors(self, texts: list[str]) -> list[Row]:
        rows = np.asarray(self._embedder.queries(texts), dtype=np.float32)
        return [row.copy() for row in rows]  # each its own 1.5 KB, not a view of the batch

    def _remember(self, text: str, row: Row) -> None:
        self._cache[text] = row
        if len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)
