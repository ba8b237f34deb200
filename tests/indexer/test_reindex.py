"""Zero-downtime reindex on the live engine, including runs that fail midway."""

from collections.abc import Iterator

import pytest
from elasticsearch import Elasticsearch

from indexer.reindex import BulkRejectedError, Document, alias_targets, reindex

pytestmark = pytest.mark.integration

BODY = {
    "settings": {"number_of_shards": 1},
    "mappings": {"properties": {"label": {"type": "keyword"}, "rank": {"type": "integer"}}},
}


def docs(n: int, *, fail_after: int | None = None, bad_at: int | None = None) -> Iterator[Document]:
    for i in range(n):
        if fail_after is not None and i == fail_after:
            raise RuntimeError("source died midway")
        rank: object = "not a number" if i == bad_at else i
        yield Document(id=f"d{i}", source={"label": f"label {i}", "rank": rank})


@pytest.fixture
def alias(es: Elasticsearch, index_name: str) -> Iterator[str]:
    yield index_name
    for physical in es.indices.get(index=f"{index_name}-*", allow_no_indices=True).body:
        es.indices.delete(index=physical)


def test_first_run_builds_the_index_behind_the_alias(es, alias):
    result = reindex(es, alias, BODY, docs(1200))
    assert result.indexed == 1200
    assert alias_targets(es, alias) == [result.index]
    assert es.count(index=alias)["count"] == 1200
    assert result.previous == []


def test_rerun_swaps_atomically_drops_the_old_index_and_keeps_stable_ids(es, alias):
    first = reindex(es, alias, BODY, docs(300))
    second = reindex(es, alias, BODY, docs(300))
    assert second.previous == [first.index]
    assert alias_targets(es, alias) == [second.index]
    assert not es.indices.exists(index=first.index)
    assert es.count(index=alias)["count"] == 300
    assert es.get(index=alias, id="d7")["_source"]["rank"] == 7


def test_a_run_failing_midway_leaves_the_previous_index_serving(es, alias):
    first = reindex(es, alias, BODY, docs(700))
    with pytest.raises(RuntimeError, match="midway"):
        reindex(es, alias, BODY, docs(2000, fail_after=1100))
    assert alias_targets(es, alias) == [first.index]
    assert es.count(index=alias)["count"] == 700
    assert list(es.indices.get(index=f"{alias}-*").body) == [first.index]


def test_rejected_documents_fail_the_run_with_their_error_type(es, alias):
    first = reindex(es, alias, BODY, docs(50))
    with pytest.raises(BulkRejectedError, match="document_parsing_exception") as failure:
        reindex(es, alias, BODY, docs(50, bad_at=10))
    assert failure.value.failures["document_parsing_exception"] == ["d10"]
    assert alias_targets(es, alias) == [first.index]


def test_an_index_left_by_a_killed_run_is_cleaned_up(es, alias):
    es.indices.create(index=f"{alias}-19990101-000000-000", mappings=BODY["mappings"])
    result = reindex(es, alias, BODY, docs(5))
    assert sorted(es.indices.get(index=f"{alias}-*").body) == [result.index]
