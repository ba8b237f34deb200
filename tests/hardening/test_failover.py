"""Node loss under load: the victim's choice and the figures (pure), and a short real run of the
`metierscope chaos failover` scenario on a 3-node cluster of its own (never the shared one)."""

import pytest
from rich.console import Console

from hardening.failover import FAILOVER_HTTP_PORT, run_failover
from hardening.failover_report import (
    GREEN_BOUND,
    LOSS_BOUND,
    Timeline,
    Victim,
    pick_victim,
    summarise,
)
from hardening.failover_table import failover_table
from hardening.load import Sample
from hardening.outage import Phases
from indexer.settings import Settings
from search_api.settings import ApiSettings

VICTIM = Victim("node-1", 3, master=False)
KILLED, BACK = 100.0, 130.0  # on the samples' clock


def timeline(green: float | None = 133.0, noticed: float | None = 101.5) -> Timeline:
    return Timeline(KILLED, noticed, BACK, green)


def ok(sent: float, latency: float = 0.05) -> Sample:
    return Sample(sent, latency, 200, False)


def shard(node: str, prirep: str = "p", state: str = "STARTED") -> dict[str, str]:
    return {"node": node, "prirep": prirep, "state": state}


def test_the_victim_holds_the_most_started_primaries():
    shards = [
        shard("node-0"),
        shard("node-2"),
        shard("node-2"),
        shard("node-0", "r"),
        shard("node-0", "r"),
        shard("node-1", state="RELOCATING"),
    ]
    assert pick_victim(shards, master="node-2") == Victim("node-2", 2, master=True)


def test_a_tie_goes_to_the_first_name_and_no_primary_is_an_error():
    assert pick_victim([shard("node-2"), shard("node-1")], "node-0").name == "node-1"
    with pytest.raises(ValueError, match="no started primary"):
        pick_victim([shard("node-0", "r")], "node-0")


def test_a_loss_nobody_noticed_passes():
    samples = [ok(95), ok(101), ok(120, latency=2.5), ok(131), ok(135)]
    report = summarise(samples, VICTIM, timeline(), timeout=15)
    assert (report.sent, report.succeeded, report.sent_while_down) == (5, 5, 2)
    assert report.ratio == 1.0
    assert report.worst_latency == pytest.approx(2.5)
    assert report.loss_noticed == pytest.approx(1.5)
    assert report.green_after == pytest.approx(3.0)
    assert report.failures() == []


def test_every_answer_but_a_success_fails_even_a_503_with_retry_after():
    samples = [ok(90.0 + i / 10) for i in range(997)]
    samples += [Sample(101, 0.01, 503, True), Sample(102, 0.01, 500, False)]
    samples.append(Sample(103, 20.0, None, False, "ReadTimeout"))
    report = summarise(samples, VICTIM, timeline(green=None), timeout=15)
    assert report.failed == {"503 + Retry-After": 1, "500": 1, "ReadTimeout": 1}
    assert report.ratio == pytest.approx(0.997)
    missed = report.failures()
    assert len(missed) == 3
    assert "success ratio 0.9970 below 0.999" in missed[0]
    assert "exceeds the 15s timeout" in missed[1]
    assert f"not green {GREEN_BOUND:.0f}s after" in missed[2]


def test_one_failure_in_a_thousand_passes_and_slow_green_or_an_untested_loss_fail():
    samples = [ok(90.0 + i / 10) for i in range(999)] + [Sample(101, 0.01, 503, True)]
    assert summarise(samples, VICTIM, timeline(), 15).failures() == []
    slow = summarise(samples, VICTIM, timeline(green=BACK + GREEN_BOUND + 1), 15)
    assert slow.failures() == [f"green took {GREEN_BOUND + 1:.1f}s (bound {GREEN_BOUND:.0f}s)"]
    idle = summarise([ok(90), ok(131)], VICTIM, timeline(noticed=None), 15)
    assert idle.sent_while_down == 0
    assert idle.loss_noticed is None
    missed = idle.failures()
    assert "loss was not tested" in missed[0]
    assert f"still counted the node {LOSS_BOUND:.0f}s after the kill" in missed[1]


def test_the_table_names_the_victim_and_every_figure():
    from hardening.failover import EngineTimes  # noqa: PLC0415

    report = summarise([ok(101), Sample(102, 0.01, 503, True)], VICTIM, timeline(131.0), 15)
    table = failover_table(report, EngineTimes(60, 40, "yellow, 2 nodes"), Phases())
    figures = dict(zip(table.columns[0].cells, table.columns[1].cells, strict=True))
    assert figures["node killed (SIGKILL)"] == "node-1, 3 primaries"
    assert figures["failed, by kind"] == "503 + Retry-After: 1"
    assert figures["success ratio"] == "0.5000 (floor 0.999)"
    assert figures["green after the node's return"] == f"1.0 s (bound {GREEN_BOUND:g} s)"
    assert figures["loss noticed by the cluster"] == "1.5 s after the kill"


def test_the_scenario_refuses_a_port_range_holding_the_shared_engine():
    with pytest.raises(ValueError, match="kills a node"):
        run_failover(Settings(), Phases(), 9199, 15, Console(quiet=True))


@pytest.mark.integration
def test_searches_survive_the_loss_of_a_node_and_the_cluster_heals():
    """The short version of `metierscope chaos failover`: most of its time is the 3 nodes
    starting, then the killed one starting again, on shared cores."""
    timeout = ApiSettings().request_timeout
    phases = Phases(warm=2, down=3, after=3, rate=8)
    report, engine = run_failover(
        Settings(), phases, FAILOVER_HTTP_PORT, timeout, Console(quiet=True)
    )
    assert report.failures() == []
    assert report.victim.primaries > 0
    assert report.sent_while_down > 0
    assert report.loss_noticed is not None
    assert engine.health_while_down == "yellow, 2 nodes"
