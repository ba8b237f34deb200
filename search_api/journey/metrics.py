"""Impact indicators without personal data: Prometheus counters and histograms per route
template (never a raw path or a query string), fiche openings by ROME code, "Passer à
l'action" clicks by service, and zero-result searches as counts only.

Every label has a bounded set of values (route templates, HTTP methods and statuses, ROME
codes, service keys); the zero-result queries, which are not bounded, stay out of Prometheus
in a capped table shown on `/stats`. No address, user or time of a request is kept.
"""

import re
import time
from datetime import UTC, datetime

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from starlette.requests import HTTPConnection
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from search_api.journey.schemas import Count, Stats, ZeroResults
from search_api.journey.zero_results import TopQueries, normalise

PREFIX = "metierscope"
# Seconds: a cached fiche page takes a few ms, an extraction about a second, a timeout 10 s.
BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
UNMATCHED = "unmatched"  # a path no route knows: one label, however many such paths
ROME = re.compile(r"^[A-N]\d{4}$")
ZERO_CAPACITY = 1000  # zero-result queries tracked (a few tens of KB)
STATS_TOP = 50  # of them listed on /stats


class JourneyMetrics:
    """The indicators of one app, in a registry of their own (a second app in the same
    process, as in the tests, counts separately)."""

    def __init__(self, zero_capacity: int = ZERO_CAPACITY) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        self.since = datetime.now(UTC)
        self.requests = Counter(
            f"{PREFIX}_http_requests",
            "HTTP requests by method, route template and status.",
            ["method", "route", "status"],
            registry=self.registry,
        )
        self.latency = Histogram(
            f"{PREFIX}_http_request_duration_seconds",
            "Time to answer an HTTP request, by method and route template.",
            ["method", "route"],
            buckets=BUCKETS,
            registry=self.registry,
        )
        self.fiches = Counter(
            f"{PREFIX}_fiche_openings",
            "Fiche pages opened, by ROME code.",
            ["code_rome"],
            registry=self.registry,
        )
        self.clicks = Counter(
            f"{PREFIX}_action_clicks",
            "Passer à l'action links followed, by service.",
            ["service"],
            registry=self.registry,
        )
        self.zero = Counter(
            f"{PREFIX}_zero_result_searches",
            "Searches that found nothing.",
            registry=self.registry,
        )
        self.zero_queries = TopQueries(zero_capacity)

    def observe(self, method: str, route: str, status: int, seconds: float) -> None:
        """One answered request."""
        verb = method if method in METHODS else "OTHER"
        self.requests.labels(verb, route, str(status)).inc()
        self.latency.labels(verb, route).observe(seconds)

    def fiche_opened(self, code_rome: str) -> None:
        """A fiche page was shown (call it once the fiche is found: the code is a label)."""
        if not ROME.match(code_rome):
            raise ValueError(f"not a ROME code: {code_rome!r}")
        self.fiches.labels(code_rome).inc()

    def action_followed(self, service: str) -> None:
        """A "Passer à l'action" link was followed (`service`: a key of the catalogue)."""
        self.clicks.labels(service).inc()

    def zero_result(self, query: str) -> None:
        """A search found nothing: counted, and its normalised text counted in the table."""
        self.zero.inc()
        if (text := normalise(query)) is not None:
            self.zero_queries.add(text)

    def exposition(self) -> bytes:
        """Everything in the Prometheus text format."""
        return generate_latest(self.registry)

    def stats(self) -> Stats:
        """The team's figures: fiche openings, clicks, top zero-result queries."""
        top = self.zero_queries.top(STATS_TOP)
        return Stats(
            since=self.since.isoformat(timespec="seconds"),
            fiche_openings=_counts(self.fiches, "code_rome"),
            action_clicks=_counts(self.clicks, "service"),
            zero_results=ZeroResults(
                total=_total(self.zero),
                top=[Count(key=c.query, count=c.count) for c in top],
                overcount={c.query: c.overcount for c in top if c.overcount},
            ),
        )


def _samples(counter: Counter) -> list[tuple[dict[str, str], float]]:
    """A counter's (labels, value) pairs (not its `_created` timestamps)."""
    return [
        (s.labels, s.value)
        for metric in counter.collect()
        for s in metric.samples
        if s.name.endswith("_total")
    ]


def _counts(counter: Counter, label: str) -> list[Count]:
    """A labelled counter's values, most first."""
    found = [Count(key=labels[label], count=int(v)) for labels, v in _samples(counter)]
    return sorted(found, key=lambda c: (-c.count, c.key))


def _total(counter: Counter) -> int:
    """An unlabelled counter's value."""
    return int(sum(v for _, v in _samples(counter)))


def route_of(scope: Scope) -> str:
    """The template of the route that answered (`/v1/metiers/{code_rome}`), set in the scope
    by the router; `unmatched` when none did."""
    route = scope.get("route")
    template = getattr(route, "path_format", None) or getattr(route, "path", None)
    return template if isinstance(template, str) else UNMATCHED


class RequestMetrics:
    """Pure ASGI middleware: counts and times every HTTP request by route template."""

    def __init__(self, app: ASGIApp, metrics: JourneyMetrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Time the request to its last byte; the status is the one sent (500 if none)."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        status = 500

        async def send_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_status)
        finally:
            elapsed = time.perf_counter() - start
            self.metrics.observe(scope["method"], route_of(scope), status, elapsed)


def metrics_of(connection: HTTPConnection) -> JourneyMetrics:
    """The app's indicators (set by `install_journey`)."""
    metrics: JourneyMetrics = connection.app.state.metrics
    return metrics


def count_fiche_opening(connection: HTTPConnection, code_rome: str) -> None:
    """For the fiche page, once the fiche is found: one more opening of that code."""
    metrics_of(connection).fiche_opened(code_rome)


def count_zero_result(connection: HTTPConnection, query: str) -> None:
    """For the search route and page, when a search found nothing."""
    metrics_of(connection).zero_result(query)
