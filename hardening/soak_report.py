"""Figures of a soak, computed from the samples and memory readings alone (pure)."""

import itertools
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from hardening.load import Sample

RSS_GROWTH_BOUND = 0.10  # API RSS from after the warm-up to the end (issue 17, item 4)
# Last window's p95 at most 20 % above the first's (issue 17, item 4). One-sided: "stable" is
# read as "does not degrade"; a last minute faster than the first (a cache still warming at the
# start) is no sign of a leak or a drift towards overload.
P95_DRIFT_BOUND = 0.20


@dataclass(frozen=True)
class Reading:
    """The API's resident memory, `at` seconds into the soak."""

    at: float
    rss: int  # bytes


@dataclass(frozen=True)
class SoakReport:
    """What a soak at a fixed rate saw, and the capacity that rate was derived from."""

    capacity: float  # successful requests per second of the closed-loop burst
    rate: float  # requests per second the soak was asked to send
    seconds: float  # how long it sent
    window: float  # seconds of the warm-up and of each p95 window
    sent: int
    succeeded: int
    errors: dict[str, int]  # non-2xx answers and client failures, by endpoint and outcome
    burst_errors: dict[str, int]  # the same during the capacity burst (not a criterion)
    rss_start: int  # bytes, at the end of the warm-up window
    rss_end: int  # bytes, once every request had been answered
    p95_first: float | None  # seconds; None: no request in the window
    p95_last: float | None
    p95_windows: tuple[float | None, ...] = ()  # every window's, in order: the drift's shape
    rss_bound: float = RSS_GROWTH_BOUND
    p95_bound: float = P95_DRIFT_BOUND

    @property
    def rss_growth(self) -> float:
        """Relative growth of the API's RSS after the warm-up (0.05 is 5 %)."""
        return (self.rss_end - self.rss_start) / self.rss_start

    @property
    def p95_ratio(self) -> float | None:
        """Last window's p95 over the first's; None when either window is empty."""
        if not self.p95_first or self.p95_last is None:
            return None
        return self.p95_last / self.p95_first

    def failures(self) -> list[str]:
        """Each criterion the soak missed, in words; empty when it passed."""
        missed = []
        if self.sent == 0:
            missed.append("no request was sent")
        if self.errors:
            missed.append(f"{sum(self.errors.values())} requests failed: {self.errors}")
        if self.rss_growth > self.rss_bound:
            missed.append(
                f"API RSS grew {self.rss_growth:.1%} after the warm-up (bound {self.rss_bound:.0%})"
            )
        ratio = self.p95_ratio
        if ratio is None:
            missed.append("the first or the last window holds no request")
        elif ratio - 1 > self.p95_bound:
            missed.append(
                f"p95 moved from {self.p95_first:.3f}s to {self.p95_last:.3f}s "
                f"(x{ratio:.2f}; bound +{self.p95_bound:.0%})"
            )
        return missed


def outcome(sample: Sample) -> str | None:
    """None for a success, else what to count the sample as: its endpoint and status or error."""
    if sample.ok:
        return None
    what = str(sample.status) if sample.status is not None else str(sample.error)
    return f"{sample.kind} {what}".strip()


def errors_by_kind(samples: Sequence[Sample]) -> dict[str, int]:
    """How many requests ended each way other than a success."""
    return dict(Counter(o for s in samples if (o := outcome(s)) is not None))


def throughput(samples: Sequence[Sample], seconds: float) -> float:
    """Successful requests per second over `seconds`."""
    return sum(s.ok for s in samples) / seconds


def p95(latencies: Sequence[float]) -> float | None:
    """The 95th percentile (inclusive interpolation); None for no value."""
    if len(latencies) < 2:
        return latencies[0] if latencies else None
    return statistics.quantiles(latencies, n=100, method="inclusive")[94]


def window_p95(samples: Sequence[Sample], start: float, end: float) -> float | None:
    """p95 latency of the requests sent in [start, end) (time.monotonic())."""
    return p95([s.latency for s in samples if start <= s.sent < end])


def windows_p95(
    samples: Sequence[Sample], start: float, end: float, window: float
) -> list[float | None]:
    """p95 of each whole window from `start`; the last one also takes what is left to `end`."""
    count = max(1, int((end - start) / window))
    bounds = [start + i * window for i in range(count)] + [end]
    return [window_p95(samples, a, b) for a, b in itertools.pairwise(bounds)]


def rss_after(readings: Sequence[Reading], at: float) -> int:
    """The first reading taken at or after `at` seconds (the last one if none was)."""
    return next((r.rss for r in readings if r.at >= at), readings[-1].rss)


@dataclass(frozen=True)
class Burst:
    """The capacity burst: its samples and how long it ran."""

    samples: Sequence[Sample]
    seconds: float


def summarise_soak(  # noqa: PLR0917 (each figure's source, named)
    burst: Burst,
    rate: float,
    samples: Sequence[Sample],
    start: float,
    end: float,
    window: float,
    readings: Sequence[Reading],
) -> SoakReport:
    """The report of a soak that sent from `start` to `end` (time.monotonic()); `readings` are
    seconds from `start`, the last one taken after every answer."""
    return SoakReport(
        capacity=throughput(burst.samples, burst.seconds),
        rate=rate,
        seconds=end - start,
        window=window,
        sent=len(samples),
        succeeded=sum(s.ok for s in samples),
        errors=errors_by_kind(samples),
        burst_errors=errors_by_kind(burst.samples),
        rss_start=rss_after(readings, window),
        rss_end=readings[-1].rss,
        p95_first=window_p95(samples, start, start + window),
        p95_last=window_p95(samples, end - window, end),
        p95_windows=tuple(windows_p95(samples, start, end, window)),
    )
