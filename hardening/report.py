"""Figures of an engine outage under load, computed from the samples alone (pure)."""

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from hardening.load import Sample

RECOVERY_BOUND = 5.0  # seconds from the engine's return to steady success (issue 17, item 1)


@dataclass(frozen=True)
class OutageReport:
    """What the load saw around an engine outage."""

    sent: int
    succeeded: int
    unavailable: int  # 503 with Retry-After: the expected answer while the engine is away
    other: dict[str, int]  # any other answer or failure, by status or client error
    worst_latency: float  # seconds
    recovery: float | None  # seconds from the engine's return to the last failure; None: never
    timeout: float  # the API's request timeout every answer must beat

    def failures(self) -> list[str]:
        """Each criterion the outage missed, in words; empty when it passed."""
        missed = []
        if self.other:
            missed.append(f"answers other than success or 503 + Retry-After: {self.other}")
        if self.worst_latency > self.timeout:
            missed.append(
                f"worst latency {self.worst_latency:.2f}s exceeds the {self.timeout:.0f}s timeout"
            )
        if self.unavailable == 0:
            missed.append("no 503 seen: the outage was not observed")
        if self.recovery is None:
            missed.append("traffic never succeeded again after the engine came back")
        elif self.recovery > RECOVERY_BOUND:
            missed.append(f"recovery took {self.recovery:.2f}s (bound {RECOVERY_BOUND:.0f}s)")
        return missed


def _outcome(sample: Sample) -> str | None:
    """None for an expected answer, else what to count it as."""
    if sample.ok or (sample.status == 503 and sample.retry_after):
        return None
    if sample.status is None:
        return str(sample.error)
    return f"{sample.status}" + ("" if sample.retry_after else " without Retry-After")


def recovery_time(samples: Sequence[Sample], back_at: float) -> float | None:
    """Seconds from `back_at` to the end of the last failed request, provided some request sent
    after it succeeded; None if none did."""
    last_failure = max(
        (s.ended for s in samples if not s.ok and s.ended > back_at), default=back_at
    )
    if not any(s.ok and s.sent >= last_failure for s in samples):
        return None
    return last_failure - back_at


def summarise(samples: Sequence[Sample], back_at: float, timeout: float) -> OutageReport:
    """The report of a load whose engine returned at `back_at` (time.monotonic())."""
    others = Counter(o for s in samples if (o := _outcome(s)) is not None)
    return OutageReport(
        sent=len(samples),
        succeeded=sum(s.ok for s in samples),
        unavailable=sum(s.status == 503 and s.retry_after for s in samples),
        other=dict(others),
        worst_latency=max((s.latency for s in samples), default=0.0),
        recovery=recovery_time(samples, back_at),
        timeout=timeout,
    )
