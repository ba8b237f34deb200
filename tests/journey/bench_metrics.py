"""What the request metrics middleware adds to a request, in microseconds (the issue: < 100).

    .venv/bin/python -m tests.journey.bench_metrics [REQUESTS] [ROUNDS]   # default 20000, 7

The same trivial ASGI app (it names its route in the scope, as the router does, and answers
200) is called directly with and without `RequestMetrics` around it, no HTTP in between; the
difference per request is the middleware's own cost. The best of several rounds is kept (the
machine is shared: the slower rounds measure the neighbours)."""

import asyncio
import sys
import time

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from search_api.journey.metrics import JourneyMetrics, RequestMetrics


class Route:
    """What the router leaves in the scope."""

    path_format = "/v1/metiers/{code_rome}"


ROUTE = Route()
START: Message = {"type": "http.response.start", "status": 200, "headers": []}
BODY: Message = {"type": "http.response.body", "body": b"{}"}


async def endpoint(scope: Scope, _: Receive, send: Send) -> None:
    """Routed and answered at once."""
    scope["route"] = ROUTE
    await send(START)
    await send(BODY)


async def receive() -> Message:
    return {"type": "http.request", "body": b"", "more_body": False}


async def discard(_: Message) -> None:
    return None


async def seconds(app: ASGIApp, requests: int) -> float:
    """Time of `requests` calls of the app."""
    start = time.perf_counter()
    for _ in range(requests):
        await app({"type": "http", "method": "GET", "path": "/v1/metiers/M1805"}, receive, discard)
    return time.perf_counter() - start


async def main(requests: int, rounds: int) -> None:
    """Print the best per-request cost of the bare app, the wrapped one, and the difference."""
    wrapped = RequestMetrics(endpoint, JourneyMetrics())
    bare = min([await seconds(endpoint, requests) for _ in range(rounds)])
    timed = min([await seconds(wrapped, requests) for _ in range(rounds)])
    per = [1e6 * t / requests for t in (bare, timed)]
    print(  # noqa: T201
        f"{requests} requests x {rounds} rounds: bare {per[0]:.2f} µs, with metrics "
        f"{per[1]:.2f} µs, middleware {per[1] - per[0]:.2f} µs per request"
    )


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
    repeat = int(sys.argv[2]) if len(sys.argv) > 2 else 7
    asyncio.run(main(count, repeat))
