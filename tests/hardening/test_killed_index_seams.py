"""The indexer's seams the killed-indexing scenario relies on: `stage:` lines with a pause at
`hold_at`, and the clean-up of indices a killed run left, which never touches an index an alias
serves nor another prefix's."""

import pytest
from elasticsearch import Elasticsearch

from indexer import pipeline
from indexer.reindex import drop_orphans, is_physical_of, orphans_of

STAMP = "20240102-030405-006"


def test_a_physical_index_is_the_alias_and_a_run_stamp():
    assert is_physical_of("ms-fiches", f"ms-fiches-{STAMP}")
    assert not is_physical_of("ms-fiches", f"ms-fiches-fiches-{STAMP}")  # prefix `ms-fiches`
    assert not is_physical_of("ms-fiches", "ms-fiches-backup")
    assert not is_physical_of("ms-fiches", f"ms-fichesx-{STAMP}")


def test_orphans_are_the_alias_indices_it_does_not_serve():
    existing = [f"ms-fiches-{STAMP}", "ms-fiches-20240101-000000-000", f"ms-fiches-fiches-{STAMP}"]
    assert orphans_of("ms-fiches", existing, live=[f"ms-fiches-{STAMP}"]) == [
        "ms-fiches-20240101-000000-000"
    ]


def test_every_stage_is_logged_and_the_held_one_says_so(capsys, monkeypatch):
    monkeypatch.setattr(pipeline, "HOLD_SECONDS", 0.0)
    mark = pipeline.stage_marker("bulk fiches")
    advance = pipeline.first_call(mark, "bulk fiches", lambda _: None)
    mark("read")
    for n in (0, 500, 500, 84):
        advance(n)
    assert capsys.readouterr().err.splitlines() == ["stage: read", "stage: bulk fiches (holding)"]


def test_without_hold_at_nothing_pauses(capsys):
    pipeline.stage_marker(None)("swap")
    assert capsys.readouterr().err == "stage: swap\n"


@pytest.mark.integration
def test_drop_orphans_keeps_the_served_index_and_other_prefixes(es: Elasticsearch, index_name):
    alias = f"{index_name}-fiches"
    served, orphan = f"{alias}-{STAMP}", f"{alias}-20240101-000000-000"
    other_prefix = f"{alias}-fiches-{STAMP}"  # prefix `<index_name>-fiches`, alias unset
    for name in (served, orphan, other_prefix):
        es.indices.create(index=name)
    es.indices.put_alias(index=served, name=alias)
    try:
        assert drop_orphans(es, alias) == [orphan]
        assert sorted(es.indices.get(index=f"{alias}-*").body) == sorted([other_prefix, served])
    finally:
        for name in (served, orphan, other_prefix):
            es.indices.delete(index=name, ignore_unavailable=True)
