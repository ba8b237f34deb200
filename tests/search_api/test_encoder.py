"""The query encoder: batches what waits, shares what repeats, remembers a bounded number."""

import asyncio
import threading

import numpy as np
import pytest

from embeddings import EmbeddingContract
from search_api.encoder import QueryEncoder


class CountingEmbedder:
    """A two-dimensional stand-in model recording each call's texts and thread."""

    def __init__(self, fail: bool = False) -> None:
        self.calls: list[list[str]] = []
        self.threads: set[str] = set()
        self.fail = fail

    @property
    def contract(self) -> EmbeddingContract:
        return EmbeddingContract(model="counting", dims=2, normalized=False)

    def passages(self, texts: list[str]) -> np.ndarray:
        return self.queries(texts)

    def queries(self, texts: list[str]) -> np.ndarray:
        self.calls.append(list(texts))
        self.threads.add(threading.current_thread().name)
        if self.fail:
            raise RuntimeError("model failed")
        return np.array([[len(t), 1.0] for t in texts], dtype=np.float32)


def test_texts_waiting_together_are_encoded_in_one_call_off_the_loop():
    model = CountingEmbedder()
    encoder = QueryEncoder(model)

    async def run() -> list[list[float]]:
        return await asyncio.gather(*(encoder.encode("x" * n) for n in range(1, 11)))

    vectors = asyncio.run(run())
    assert [v[0] for v in vectors] == [float(n) for n in range(1, 11)]
    assert len(model.calls) <= 2  # the first alone at most, then everything that waited
    assert sum(len(c) for c in model.calls) == 10
    assert threading.current_thread().name not in model.threads


def test_a_repeated_query_is_encoded_once_and_the_cache_is_bounded():
    model = CountingEmbedder()
    encoder = QueryEncoder(model, cache_size=2)

    async def run() -> None:
        await asyncio.gather(encoder.encode("vendeur"), encoder.encode("vendeur"))
        await encoder.encode("vendeur")
        await encoder.encode("boulanger")
        await encoder.encode("infirmier")  # pushes out the least recently used: vendeur
        await encoder.encode("vendeur")

    asyncio.run(run())
    assert [t for call in model.calls for t in call] == [
        "vendeur",
        "boulanger",
        "infirmier",
        "vendeur",
    ]


def test_a_model_failure_reaches_every_waiter_and_the_next_call_retries():
    model = CountingEmbedder(fail=True)
    encoder = QueryEncoder(model)

    async def run() -> tuple[list[float] | BaseException, ...]:
        return await asyncio.gather(
            encoder.encode("a"), encoder.encode("b"), return_exceptions=True
        )

    assert all(isinstance(r, RuntimeError) for r in asyncio.run(run()))
    model.fail = False
    assert asyncio.run(encoder.encode("a")) == [1.0, 1.0]


def test_a_cancelled_request_does_not_cancel_the_others_waiting_on_the_same_text():
    model = CountingEmbedder()
    encoder = QueryEncoder(model)

    async def run() -> list[float]:
        first = asyncio.ensure_future(encoder.encode("chef"))
        second = asyncio.ensure_future(encoder.encode("chef"))
        await asyncio.sleep(0)
        first.cancel()
        with pytest.raises(asyncio.CancelledError):
            await first
        return await second

    assert asyncio.run(run()) == [4.0, 1.0]
