"""Steady open-loop HTTP load: requests leave at a fixed rate whatever the answers, so a hung
request shows as a slow sample instead of slowing the load down."""

import asyncio
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import httpx


@dataclass(frozen=True)
class Sample:
    """One request of the load and how it ended."""

    sent: float  # time.monotonic() when it left
    latency: float  # seconds until its answer, or until it failed
    status: int | None  # None: no HTTP answer at all (timeout, connection refused)
    retry_after: bool  # the answer carried a Retry-After header
    error: str | None = None  # the client-side failure, when there was no answer
    kind: str = ""  # what was asked (the `Call`'s kind), to count failures by endpoint

    @property
    def ended(self) -> float:
        """time.monotonic() of its answer (or failure)."""
        return self.sent + self.latency

    @property
    def ok(self) -> bool:
        """Answered with a success."""
        return self.status is not None and 200 <= self.status < 300


@dataclass(frozen=True)
class Call:
    """One request of a load: GET `path`, or POST `body` to it as JSON."""

    path: str
    body: dict[str, Any] | None = None
    headers: tuple[tuple[str, str], ...] = ()
    kind: str = ""


async def send(client: httpx.AsyncClient, call: Call | str) -> Sample:
    """Make one request (a bare string is a GET of that path) and say how it ended."""
    spec = Call(call) if isinstance(call, str) else call
    sent = time.monotonic()
    try:
        if spec.body is None:
            response = await client.get(spec.path, headers=spec.headers)
        else:
            response = await client.post(spec.path, json=spec.body, headers=spec.headers)
    except httpx.HTTPError as e:
        return Sample(sent, time.monotonic() - sent, None, False, type(e).__name__, spec.kind)
    retry = "retry-after" in response.headers
    return Sample(sent, time.monotonic() - sent, response.status_code, retry, kind=spec.kind)


async def steady_load(
    url: str, calls: Sequence[Call | str], rate: float, timeout: float, until: asyncio.Event
) -> list[Sample]:
    """Send `calls` in turn (paths are GETs), `rate` per second, until `until` is set; every
    request's sample, in the order sent."""
    tasks: list[asyncio.Task[Sample]] = []
    start = time.monotonic()
    async with httpx.AsyncClient(base_url=url, timeout=timeout) as client:
        while not until.is_set():
            tasks.append(asyncio.create_task(send(client, calls[len(tasks) % len(calls)])))
            await asyncio.sleep(max(0.0, start + len(tasks) / rate - time.monotonic()))
        return list(await asyncio.gather(*tasks))
