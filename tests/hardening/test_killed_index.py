"""Killed indexing: the figures judged from snapshots (pure), and a short real run of the
`metierscope chaos killed-index` scenario on an engine of its own (never the shared one)."""

from dataclasses import replace
from typing import Any

import pytest
from rich.console import Console

from hardening.killed_index import KILLED_HTTP_PORT, Plan, run_killed_index
from hardening.killed_index_report import KillOutcome, OffersOutcome, Run, Snapshot, kill_points
from indexer.settings import Settings

ALIAS = "k-contextes"
OLD, NEW, HALF = (f"{ALIAS}-2024010{i}-000000-000" for i in (1, 2, 3))
KILLED = Run(killed=True, returncode=-9, seconds=3.0)
OK = Run(killed=False, returncode=0, seconds=12.0)


def serving(index: str, count: int = 179, leftovers: tuple[str, ...] = ()) -> Snapshot:
    return Snapshot({ALIAS: [index]}, {ALIAS: count}, {ALIAS: 179}, list(leftovers))


def test_the_kill_points_name_the_last_entity():
    assert kill_points(("contextes", "fiches")) == ["read", "embed fiches", "bulk fiches", "swap"]


def test_a_kill_that_kept_the_aliases_and_a_clean_rerun_pass():
    outcome = KillOutcome(
        "bulk contextes", KILLED, serving(OLD), serving(OLD, leftovers=(HALF,)), OK, serving(NEW)
    )
    assert outcome.aliases_kept
    assert outcome.rerun_clean
    assert outcome.failures() == []


def test_moved_aliases_short_counts_and_a_dirty_or_failed_rerun_are_each_a_miss():
    moved = KillOutcome(
        "swap", KILLED, serving(OLD), serving(HALF, count=90), OK, serving(NEW, leftovers=(HALF,))
    )
    missed = moved.failures()
    assert len(missed) == 4
    assert "aliases moved" in missed[0]
    assert "not the full" in missed[1]
    assert "no leftover index seen" in missed[2]
    assert "the next run left" in missed[3]
    failed = KillOutcome(
        "read", Run(False, 0, 40.0), serving(OLD), serving(OLD), Run(False, 1, 9.0), serving(OLD)
    )
    assert [m.split(": ", 1)[1] for m in failed.failures()] == [
        "not killed at its stage (exit 0)",
        "the next run failed (exit 1)",
    ]


MIDWAY = OffersOutcome(
    before=300,
    kill=KILLED,
    after_kill=800,
    lost=0,
    reload=OK,
    after_reload=900,
    expected=900,
    duplicates=0,
)


def offers(**changes: Any) -> OffersOutcome:
    return replace(MIDWAY, **changes)


def test_offers_killed_midway_and_reloaded_exactly_pass():
    assert offers().failures() == []


def test_lost_doubled_or_short_offers_and_a_kill_not_midway_fail():
    assert "2 previously loaded offer(s) lost" in offers(lost=2).failures()[0]
    assert "served more than once" in offers(duplicates=1).failures()[0]
    assert "899 offers after the reload" in offers(after_reload=899).failures()[0]
    assert "not midway" in offers(after_kill=900).failures()[0]


@pytest.mark.integration
def test_killed_indexing_keeps_the_aliases_full_and_loses_no_offer():
    """The short version of `metierscope chaos killed-index` (about two minutes): the one small
    entity killed mid-bulk and just before the swap, 900 offers without vectors."""
    plan = Plan(
        entities=("contextes",), points=("bulk contextes", "swap"), offers=900, vectors=False
    )
    report = run_killed_index(Settings(), plan, KILLED_HTTP_PORT, Console(quiet=True))
    assert report.failures() == []
    assert [k.point for k in report.kills] == ["bulk contextes", "swap"]
    assert all(k.after.leftovers and not k.cleaned.leftovers for k in report.kills)
    assert report.offers is not None
    assert report.offers.lost == 0
    assert report.offers.after_reload == report.offers.expected == 900
