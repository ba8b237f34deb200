"""The table `metierscope chaos failover` prints (kept apart so the command stays short)."""

from rich.table import Table

from hardening.failover import EngineTimes
from hardening.failover_report import GREEN_BOUND, SUCCESS_FLOOR, FailoverReport
from hardening.outage import Phases


def failover_table(report: FailoverReport, engine: EngineTimes, phases: Phases) -> Table:
    """Every figure of the run, one row each."""
    victim = report.victim
    failed = ", ".join(f"{kind}: {n:,}" for kind, n in sorted(report.failed.items()))
    green = "never" if report.green_after is None else f"{report.green_after:.1f} s"
    rows = {
        "node killed (SIGKILL)": f"{victim.name}, {victim.primaries} primaries"
        + (", elected master" if victim.master else ""),
        "requests sent": f"{report.sent:,} ({report.sent_while_down:,} while the node was down)",
        "succeeded": f"{report.succeeded:,}",
        "failed, by kind": failed or "0",
        "success ratio": f"{report.ratio:.4f} (floor {SUCCESS_FLOOR})",
        "worst latency": f"{report.worst_latency:.3f} s (timeout {report.timeout:g} s)",
        "loss noticed by the cluster": "never"
        if report.loss_noticed is None
        else f"{report.loss_noticed:.1f} s after the kill",
        "cluster while the node was down": engine.health_while_down,
        "node restart (launch to join)": f"{engine.restart:.1f} s",
        "green after the node's return": f"{green} (bound {GREEN_BOUND:g} s)",
        "cluster start (3 nodes)": f"{engine.start:.1f} s",
        "phases (warm, down, after)": f"{phases.warm:g} s, {phases.down:g} s, "
        f"{phases.after:g} s at {phases.rate:g}/s",
    }
    table = Table(title="Node loss under load (3 nodes, 1 replica)")
    table.add_column("figure")
    table.add_column("value", justify="right")
    for name, value in rows.items():
        table.add_row(name, value)
    return table
