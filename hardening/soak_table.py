"""The soak's figures as the table `metierscope chaos soak` prints."""

from rich.table import Table

from hardening.soak_report import SoakReport

MIB = 2**20


def _ms(seconds: float | None) -> str:
    return "none" if seconds is None else f"{seconds * 1000:.0f} ms"


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{k}: {n:,}" for k, n in sorted(counts.items())) or "none"


def soak_table(report: SoakReport) -> Table:
    """One row per figure, each criterion's bound next to it."""
    table = Table(title=f"Soak: {report.seconds / 60:.1f} min at {report.rate:.1f} req/s")
    table.add_column("figure")
    table.add_column("value", justify="right")
    ratio = report.p95_ratio
    rows = {
        "capacity (closed-loop burst)": f"{report.capacity:.1f} req/s",
        "rate used": f"{report.rate:.1f} req/s (sent {report.sent / report.seconds:.1f}/s)",
        "requests sent": f"{report.sent:,}",
        "succeeded": f"{report.succeeded:,}",
        "errors by kind": _counts(report.errors),
        "burst errors (not a criterion)": _counts(report.burst_errors),
        f"API RSS start (after {report.window:g} s) / end": f"{report.rss_start / MIB:.1f} MiB"
        f" / {report.rss_end / MIB:.1f} MiB",
        "API RSS growth": f"{report.rss_growth:+.1%} (bound {report.rss_bound:.0%})",
        f"p95 first / last {report.window:g} s": f"{_ms(report.p95_first)} / "
        f"{_ms(report.p95_last)}",
        f"p95 by {report.window:g} s window": " ".join(
            "-" if p is None else f"{p * 1000:.0f}" for p in report.p95_windows
        )
        + " ms",
        "p95 last / first": "none"
        if ratio is None
        else f"x{ratio:.2f} (bound +{report.p95_bound:.0%})",
    }
    for name, value in rows.items():
        table.add_row(name, value)
    return table
