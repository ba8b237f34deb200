"""Extraction flood: the figures from samples (pure), and a short real run of
`metierscope chaos flood` on the shared engine under an index of its own."""

import dataclasses

import pytest
from rich.console import Console

from hardening.flood import FloodPlan, run_flood
from hardening.flood_report import p95, summarise_flood
from hardening.load import Sample
from indexer.settings import Settings

SHORT_P95_BOUND = 3.0


def searched(latencies: list[float], status: int | None = 200) -> list[Sample]:
    return [Sample(float(i), latency, status, False) for i, latency in enumerate(latencies)]


def test_p95_is_the_nearest_rank_and_zero_for_nothing():
    assert p95(searched([0.01 * k for k in range(1, 101)])) == pytest.approx(0.95)
    assert p95(searched([0.2])) == pytest.approx(0.2)
    assert p95([]) == 0.0


def test_a_limited_flood_with_steady_searches_passes():
    report = summarise_flood(
        searched([0.02] * 40), searched([0.03] * 40), {"200": 9, "429": 300, "503": 20}
    )
    assert report.ratio == pytest.approx(1.5)
    assert report.flood_sent == 329
    assert report.failures() == []


def test_slow_or_failed_searches_an_unlimited_flood_and_odd_answers_are_misses():
    calm = searched([0.02] * 40)
    flooded = searched([0.05] * 38) + searched([15.0], 503) + searched([30.0], None)
    report = summarise_flood(calm, flooded, {"200": 50, "500": 1})
    missed = report.failures()
    assert report.search_failures == {"503": 1, "None": 1}
    assert len(missed) == 4
    assert "searches failed" in missed[0]
    assert "2.50x, bound 2x" in missed[1]
    assert "'500': 1" in missed[2]
    assert "never limited" in missed[3]


@pytest.mark.integration
def test_one_client_flooding_extraction_is_limited_and_others_keep_their_pace(es_url):
    """The short version of `metierscope chaos flood` (about a minute and a half, most of it the
    API process loading its models)."""
    plan = FloodPlan(calm=8, flood=8, rate=8, flooders=8)
    run = run_flood(Settings(), es_url, plan, Console(quiet=True))
    report = summarise_flood(run.calm, run.flooded, run.flood_answers)
    # Eight seconds a phase give p95s of ~64 searches each: a gross check (the flood limited,
    # no failed search, p95 at most 3x). `metierscope chaos flood` keeps the 2x (it
    # measured 1.32x on a quiet machine with the per-client budget of heavy requests).
    assert dataclasses.replace(report, p95_bound=SHORT_P95_BOUND).failures() == []
    assert report.flood_answers.get("429", 0) > 0  # the rate limit, not only the cap, acted
