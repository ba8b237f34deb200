"""Engine outage under load: the figures from samples (pure), and a short real run of the
`metierscope chaos outage` scenario on an engine of its own (never the shared one)."""

import pytest
from rich.console import Console

from hardening.load import Sample
from hardening.outage import CHAOS_HTTP_PORT, Phases, run_outage
from hardening.report import summarise
from indexer.settings import Settings
from search_api.settings import ApiSettings

BACK = 100.0  # when the engine came back, on the samples' clock


def ok(sent: float, latency: float = 0.05) -> Sample:
    return Sample(sent, latency, 200, False)


def unavailable(sent: float, latency: float = 0.01) -> Sample:
    return Sample(sent, latency, 503, True)


def test_an_outage_answered_with_503s_and_quick_recovery_passes():
    samples = [ok(90), unavailable(95), unavailable(100.5), ok(102), ok(103)]
    report = summarise(samples, BACK, timeout=15)
    assert (report.sent, report.succeeded, report.unavailable) == (5, 3, 2)
    assert report.recovery == pytest.approx(0.51)
    assert report.worst_latency == pytest.approx(0.05)
    assert report.failures() == []


def test_other_answers_hangs_and_slow_or_no_recovery_are_each_a_miss():
    samples = [
        ok(90),
        Sample(95, 0.01, 500, False),
        Sample(96, 0.01, 503, False),
        Sample(97, 20.0, None, False, "ReadTimeout"),
        unavailable(106),
        ok(107),
        ok(118),
    ]
    report = summarise(samples, BACK, timeout=15)
    assert report.other == {
        "500 without Retry-After": 1,
        "503 without Retry-After": 1,
        "ReadTimeout": 1,
    }
    assert report.recovery == pytest.approx(17.0)  # the hang ended at 117 s
    missed = report.failures()
    assert len(missed) == 3
    assert "other than success" in missed[0]
    assert "exceeds the 15s timeout" in missed[1]
    assert "recovery took 17.00s" in missed[2]


def test_no_success_after_the_return_or_no_503_at_all_fails():
    never = summarise([ok(90), unavailable(101), unavailable(104)], BACK, timeout=15)
    assert never.recovery is None
    assert any("never succeeded again" in m for m in never.failures())
    unseen = summarise([ok(90), ok(101)], BACK, timeout=15)
    assert any("outage was not observed" in m for m in unseen.failures())


@pytest.mark.integration
def test_the_api_answers_through_an_engine_outage_and_recovers():
    """The short version of `metierscope chaos outage` (about two minutes, most of it the
    engine starting twice)."""
    timeout = ApiSettings().request_timeout
    phases = Phases(warm=2, down=3, after=5, rate=8)
    report, engine = run_outage(Settings(), phases, CHAOS_HTTP_PORT, timeout, Console(quiet=True))
    assert report.failures() == []
    assert report.succeeded > 0
    assert report.unavailable > 0
    assert engine.restart > 0
