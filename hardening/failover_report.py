"""Figures of a node loss under load, computed from the samples and the scenario's clock (pure).

Unlike an engine outage, where 503 + Retry-After is the right answer, losing one node of three
with a replica of every shard must not show: any answer other than a success is a failure.
"""

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from hardening.load import Sample

SUCCESS_FLOOR = 0.999  # share of searches that must succeed through the loss (issue 17, item 2)
# Seconds from the node's return (joined again) to green. Its shard copies are still on disk
# and nothing was written meanwhile, so recovery is a check, not a copy: seconds, not minutes;
# the bound leaves room for two shared cores.
GREEN_BOUND = 120.0
# Seconds from the kill until the cluster counts one node fewer: a killed process closes its
# connections, so peers see it go at once; electing a new master when the victim was it takes
# a few seconds more.
LOSS_BOUND = 60.0


@dataclass(frozen=True)
class Victim:
    """The node the scenario kills, and why it matters."""

    name: str
    primaries: int  # primary shards it held when killed
    master: bool  # it was the elected master


@dataclass(frozen=True)
class Timeline:
    """When the loss happened and healed, on the time.monotonic() clock of the samples."""

    killed: float
    noticed: float | None  # the cluster counted one node fewer; None: not within LOSS_BOUND
    back: float  # the node had joined again
    green: float | None  # None: not within GREEN_BOUND of `back`


@dataclass(frozen=True)
class FailoverReport:
    """What the load saw while one node was killed and brought back."""

    victim: Victim
    sent: int
    succeeded: int
    failed: dict[str, int]  # by kind: status (with or without Retry-After) or client error
    sent_while_down: int  # requests that left between the kill and the node's return
    loss_noticed: float | None  # seconds from the kill until the cluster counted it out
    worst_latency: float  # seconds
    timeout: float  # the API's request timeout every answer must beat
    green_after: float | None  # seconds from the node's return to green; None: not in bound

    @property
    def ratio(self) -> float:
        """Share of requests that succeeded (1.0 for no request: nothing failed)."""
        return self.succeeded / self.sent if self.sent else 1.0

    def failures(self) -> list[str]:
        """Each criterion the failover missed, in words; empty when it passed."""
        missed = []
        if self.sent_while_down == 0:
            missed.append("no request was sent while the node was down: the loss was not tested")
        if self.loss_noticed is None:
            missed.append(f"the cluster still counted the node {LOSS_BOUND:.0f}s after the kill")
        if self.ratio < SUCCESS_FLOOR:
            missed.append(
                f"success ratio {self.ratio:.4f} below {SUCCESS_FLOOR} (failed: {self.failed})"
            )
        if self.worst_latency > self.timeout:
            missed.append(
                f"worst latency {self.worst_latency:.2f}s exceeds the {self.timeout:.0f}s timeout"
            )
        if self.green_after is None:
            missed.append(f"the cluster was not green {GREEN_BOUND:.0f}s after the node's return")
        elif self.green_after > GREEN_BOUND:
            missed.append(f"green took {self.green_after:.1f}s (bound {GREEN_BOUND:.0f}s)")
        return missed


def failure_kind(sample: Sample) -> str | None:
    """None for a success, else what to count the sample as."""
    if sample.ok:
        return None
    if sample.status is None:
        return str(sample.error)
    return f"{sample.status}" + (" + Retry-After" if sample.retry_after else "")


def pick_victim(shards: Sequence[dict[str, Any]], master: str) -> Victim:
    """The node holding the most started primaries (by name on a tie), from `_cat/shards`
    rows (`prirep`, `state`, `node`): losing it forces replicas to be promoted."""
    primaries = Counter(
        row["node"] for row in shards if row["prirep"] == "p" and row["state"] == "STARTED"
    )
    if not primaries:
        raise ValueError("no started primary shard: nothing to fail over")
    name = min(primaries, key=lambda node: (-primaries[node], node))
    return Victim(name, primaries[name], name == master)


def summarise(
    samples: Sequence[Sample], victim: Victim, timeline: Timeline, timeout: float
) -> FailoverReport:
    """The report of a load through the victim's loss and return."""
    killed, back = timeline.killed, timeline.back
    return FailoverReport(
        victim=victim,
        sent=len(samples),
        succeeded=sum(s.ok for s in samples),
        failed=dict(Counter(k for s in samples if (k := failure_kind(s)) is not None)),
        sent_while_down=sum(killed <= s.sent < back for s in samples),
        loss_noticed=None if timeline.noticed is None else timeline.noticed - killed,
        worst_latency=max((s.latency for s in samples), default=0.0),
        timeout=timeout,
        green_after=None if timeline.green is None else timeline.green - back,
    )
