"""The tables `metierscope chaos killed-index` prints: one row per kill point, then the offers."""

from rich.table import Table

from hardening.killed_index_report import KillOutcome, OffersOutcome


def _yes(value: bool) -> str:
    return "y" if value else "[red]n[/]"


def _entity(alias: str) -> str:
    return alias.rsplit("-", 1)[-1]


def kills_table(kills: list[KillOutcome]) -> Table:
    """Per kill point: killed, aliases kept, each alias's count before and after the kill,
    leftovers found, and whether the next run cleaned them and succeeded (its seconds)."""
    table = Table(title="metierscope index SIGKILLed at each stage")
    aliases = list(kills[0].before.targets) if kills else []
    table.add_column("point")
    table.add_column("killed")
    table.add_column("aliases kept")
    for alias in aliases:
        table.add_column(f"{_entity(alias)} before→after", justify="right")
    table.add_column("leftovers", justify="right")
    table.add_column("next run clean", justify="right")
    for k in kills:
        counts = [f"{k.before.counts.get(a, 0):,}→{k.after.counts.get(a, 0):,}" for a in aliases]
        table.add_row(
            k.point,
            _yes(k.kill.killed),
            _yes(k.aliases_kept),
            *counts,
            str(len(k.after.leftovers)),
            f"{_yes(k.rerun_clean)} {k.rerun.seconds:.1f} s",
        )
    return table


def offers_table(offers: OffersOutcome) -> Table:
    """Offers before, killed midway, after the kill and after the reload."""
    table = Table(title="Offer ingestion SIGKILLed after its first bulk chunk")
    table.add_column("figure")
    table.add_column("value", justify="right")
    rows = {
        "offers before": f"{offers.before:,}",
        "killed midway": _yes(offers.kill.killed),
        "offers after the kill (>= before)": f"{offers.after_kill:,}",
        "previously loaded offers lost": f"{offers.lost:,}",
        "after the reload (= expected)": f"{offers.after_reload:,} ({offers.expected:,})",
        "duplicated ids": f"{offers.duplicates:,}",
        "reload": f"{_yes(offers.reload.succeeded)} ({offers.reload.seconds:.1f} s)",
    }
    for name, value in rows.items():
        table.add_row(name, value)
    return table
