"""Relevance metrics: pure functions on hand-made rankings."""

import pytest

from evaluation.relevance import LabelledQuery, Ranked, distinct, metrics, read_labelled


def label(
    rome: str = "A1101", parent: str = "A1101", app: str | None = "1", trivial: bool = False
) -> LabelledQuery:
    return LabelledQuery(
        query="q", rome=rome, rome_parent=parent, appellation_code=app, trivial=trivial
    )


def test_rome_metrics_count_distinct_codes_in_rank_order():
    ranked = Ranked(
        appellations=["9", "8", "1"],
        romes=["B2", "B2", "A1102"],
        parents=["B2", "B2", "A1101"],
    )
    values = metrics([label(rome="A1102", parent="A1101")], [ranked])
    assert values["rome@1"] == 0.0
    assert values["rome@5"] == 1.0  # second distinct fiche métier
    assert values["rome_exact@5"] == 1.0
    assert values["appellation@1"] == 0.0
    assert values["appellation@5"] == 1.0
    assert values["mrr"] == 0.5


def test_queries_without_appellation_code_do_not_count_for_appellation_metrics():
    hit = Ranked(appellations=["1"], romes=["A1101"], parents=["A1101"])
    values = metrics([label(), label(app=None)], [hit, hit])
    assert values["appellation@1"] == 1.0
    assert values["rome@1"] == 1.0
    assert values["n"] == 2


def test_distinct_keeps_first_occurrences():
    assert distinct(["a", "b", "a", "c"]) == ["a", "b", "c"]


def test_a_bad_line_is_named(tmp_path):
    path = tmp_path / "t.jsonl"
    path.write_text('{"query": "x", "rome": "A1101", "rome_parent": "A1101"}\n{"query": 1}\n')
    with pytest.raises(ValueError, match=r"t\.jsonl:2"):
        read_labelled(path)
