"""Overload protection: per-client token buckets and a cap on CPU-heavy requests.

All are plain objects built once per app; the rate limit is applied by a middleware
(`search_api.middleware`); the heavy budget (a second, slower bucket per client) and the cap by
the `HeavySlot` dependency on the routes that need it.
"""

import asyncio
import math
import time
from collections import OrderedDict
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

from fastapi import Depends, Request

from search_api.errors import HeavyRateLimitedError, ServiceBusyError

MAX_TRACKED_CLIENTS = 10_000  # buckets kept; the least recently seen client is forgotten first
BUSY = (
    "Trop de demandes d'analyse en cours ; réessayez dans quelques secondes. Too many "
    "analysis requests in progress; retry in a few seconds."
)


@dataclass
class TokenBucket:
    """`burst` tokens at most, refilled at `rate` per second; each request takes one."""

    rate: float
    burst: float
    tokens: float
    stamp: float

    def take(self, now: float) -> float:
        """Take a token: 0 if there was one, else the seconds until there will be."""
        self.tokens = min(self.burst, self.tokens + (now - self.stamp) * self.rate)
        self.stamp = now
        if self.tokens >= 1:
            self.tokens -= 1
            return 0.0
        return (1 - self.tokens) / self.rate


class RateLimiter:
    """One token bucket per client address, for a bounded number of clients."""

    def __init__(self, rate: float, burst: int, exempt: list[str]) -> None:
        self.rate = rate
        self.burst = burst
        self.exempt = frozenset(exempt)
        self._buckets: OrderedDict[str, TokenBucket] = OrderedDict()

    def wait(self, client: str, now: float) -> int:
        """0 if the client may go on, else whole seconds to wait (the `Retry-After`)."""
        if client in self.exempt:
            return 0
        bucket = self._buckets.pop(client, None) or TokenBucket(
            self.rate, self.burst, self.burst, now
        )
        self._buckets[client] = bucket  # most recently seen last
        if len(self._buckets) > MAX_TRACKED_CLIENTS:
            self._buckets.popitem(last=False)
        return math.ceil(bucket.take(now))


class ConcurrencyCap:
    """At most `limit` requests inside at once and `queue` more waiting; the rest refused."""

    def __init__(self, limit: int, queue: int) -> None:
        self.limit = limit
        self.queue = queue
        self._inside = 0  # running or waiting
        self._slots = asyncio.Semaphore(limit)

    @asynccontextmanager
    async def hold(self) -> AsyncIterator[None]:
        """Hold a slot for the request (waiting in the queue if need be), or refuse it."""
        if self._inside >= self.limit + self.queue:
            raise ServiceBusyError(BUSY)
        self._inside += 1
        try:
            async with self._slots:
                yield
        finally:
            self._inside -= 1


async def _heavy_slot(request: Request) -> AsyncIterator[None]:
    budget: RateLimiter = request.app.state.heavy_budget
    wait = budget.wait(request.client.host if request.client else "", time.monotonic())
    if wait:
        raise HeavyRateLimitedError(wait)
    cap: ConcurrencyCap = request.app.state.heavy
    async with cap.hold():
        yield


# On the routes of CPU-heavy work: `dependencies=[HeavySlot]`. A client past its heavy budget
# is refused before it queues (429), so one client cannot hold the cap; the slot is released as
# soon as the route returns (scope "function"), before the response is sent.
HeavySlot = Depends(_heavy_slot, scope="function")
