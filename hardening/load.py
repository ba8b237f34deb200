"""Steady open-loop HTTP load: requests leave at a fixed rate whatever the answers, so a hung
request shows as a slow sample instead of slowing the load down."""

import asyncio
import time
from collections.abc import Sequence
from dataclasses import dataclass

import httpx


@dataclass(frozen=True)
class Sample:
    """One request of the load and how it ended."""

    sent: float  # time.monotonic() when it left
    latency: float  # seconds until its answer, or until it failed
    status: int | None  # None: no HTTP answer at all (timeout, connection refused)
    retry_after: bool  # the answer carried a Retry-After header
    error: str | None = None  # the client-side failure, when there was no answer

    @property
    def ended(self) -> float:
        """time.monotonic() of its answer (or failure)."""
        return self.sent + self.latency

    @property
    def ok(self) -> bool:
        """Answered with a success."""
        return self.status is not None and 200 <= self.status < 300


async def _one(client: httpx.AsyncClient, path: str) -> Sample:
    sent = time.monotonic()
    try:
        response = await client.get(path)
    except httpx.HTTPError as e:
        return Sample(sent, time.monotonic() - sent, None, False, type(e).__name__)
    retry = "retry-after" in response.headers
    return Sample(sent, time.monotonic() - sent, response.status_code, retry)


async def steady_load(
    url: str, paths: Sequence[str], rate: float, timeout: float, until: asyncio.Event
) -> list[Sample]:
    """GET `paths` in turn, `rate` per second, until `until` is set; every request's sample."""
    tasks: list[asyncio.Task[Sample]] = []
    start = time.monotonic()
    async with httpx.AsyncClient(base_url=url, timeout=timeout) as client:
        while not until.is_set():
            tasks.append(asyncio.create_task(_one(client, paths[len(tasks) % len(paths)])))
            await asyncio.sleep(max(0.0, start + len(tasks) / rate - time.monotonic()))
        return list(await asyncio.gather(*tasks))
