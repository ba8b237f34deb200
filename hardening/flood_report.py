"""Figures of an extraction flood, from the samples alone (pure)."""

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from hardening.load import Sample

P95_BOUND = 2.0  # search p95 under the flood at most twice its calm value (issue 17, item 5)
FLOOD_ANSWERS = {"200", "429", "503"}  # served, rate-limited, or refused by the heavy cap


def p95(samples: Sequence[Sample]) -> float:
    """Nearest-rank 95th percentile latency in seconds (0 for none)."""
    ordered = sorted(s.latency for s in samples)
    if not ordered:
        return 0.0
    return ordered[max(0, -(-95 * len(ordered) // 100) - 1)]


@dataclass(frozen=True)
class FloodReport:
    """Other visitors' searches before and during one client's extraction flood."""

    searches: int
    search_failures: Mapping[str, int]  # searches not answered 2xx: by status or client error
    calm_p95: float  # seconds
    flood_p95: float
    flood_answers: Mapping[str, int]
    p95_bound: float = P95_BOUND

    @property
    def ratio(self) -> float:
        """Search p95 under the flood over its calm value."""
        return self.flood_p95 / self.calm_p95 if self.calm_p95 else float("inf")

    @property
    def flood_sent(self) -> int:
        return sum(self.flood_answers.values())

    def failures(self) -> list[str]:
        """Each criterion the run missed, in words; empty when it passed."""
        missed = []
        if self.search_failures:
            missed.append(f"searches failed during the run: {dict(self.search_failures)}")
        if self.ratio > self.p95_bound:
            missed.append(
                f"search p95 went from {self.calm_p95 * 1000:.0f} ms to "
                f"{self.flood_p95 * 1000:.0f} ms under the flood ({self.ratio:.2f}x, bound "
                f"{self.p95_bound:g}x)"
            )
        others = {k: n for k, n in self.flood_answers.items() if k not in FLOOD_ANSWERS}
        if others:
            missed.append(f"flood answered otherwise than 200, 429 or 503: {others}")
        if not self.flood_answers.get("429", 0) + self.flood_answers.get("503", 0):
            missed.append("the flood was never limited: no 429 or 503 seen")
        return missed


def summarise_flood(
    calm: Sequence[Sample], flooded: Sequence[Sample], answers: Mapping[str, int]
) -> FloodReport:
    """The report of a run's calm and flooded search samples and the flood's answers."""
    return FloodReport(
        searches=len(calm) + len(flooded),
        search_failures=Counter(str(s.status or s.error) for s in [*calm, *flooded] if not s.ok),
        calm_p95=p95(calm),
        flood_p95=p95(flooded),
        flood_answers=dict(answers),
    )
