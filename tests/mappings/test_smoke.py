"""Index creation with our analyzers, a lexical query and a kNN query on the live engine."""

import pytest
from elasticsearch import Elasticsearch

from analyzers import analysis_settings

pytestmark = pytest.mark.integration

MAPPING = {
    "properties": {
        "label": {
            "type": "text",
            "analyzer": "fr_text",
            "search_analyzer": "fr_text_search",
            "fields": {
                "prefix": {
                    "type": "text",
                    "analyzer": "fr_prefix",
                    "search_analyzer": "fr_prefix_search",
                },
                "exact": {"type": "keyword", "normalizer": "fr_keyword"},
            },
        },
        "vector": {"type": "dense_vector", "dims": 3, "index": True, "similarity": "cosine"},
    }
}

DOCS = [
    ("1", "Infirmier / Infirmière", [1.0, 0.0, 0.0]),
    ("2", "Boulanger / Boulangère", [0.0, 1.0, 0.0]),
    ("3", "Développeur / Développeuse informatique", [0.0, 0.0, 1.0]),
]


@pytest.fixture
def filled(es: Elasticsearch, index_name: str) -> str:
    es.indices.create(
        index=index_name, settings={"analysis": analysis_settings()}, mappings=MAPPING
    )
    for doc_id, label, vector in DOCS:
        es.index(index=index_name, id=doc_id, document={"label": label, "vector": vector})
    es.indices.refresh(index=index_name)
    return index_name


def ids(response: object) -> list[str]:
    return [hit["_id"] for hit in response["hits"]["hits"]]  # type: ignore[index]


def test_accentless_misspelled_plural_query_finds_the_label(es, filled):
    assert ids(es.search(index=filled, query={"match": {"label": "infirmieres"}})) == ["1"]


def test_prefix_field_answers_two_keystrokes(es, filled):
    assert ids(es.search(index=filled, query={"match": {"label.prefix": "dé"}})) == ["3"]


def test_synonym_reaches_the_label(es, filled):
    assert ids(es.search(index=filled, query={"match": {"label": "dev"}})) == ["3"]


def test_exact_form_ignores_case_and_accents(es, filled):
    query = {"term": {"label.exact": "boulanger / boulangere"}}
    assert ids(es.search(index=filled, query=query)) == ["2"]


def test_knn_returns_the_nearest_vector_first(es, filled):
    knn = {"field": "vector", "query_vector": [0.1, 0.9, 0.05], "k": 2, "num_candidates": 10}
    assert ids(es.search(index=filled, knn=knn)) == ["2", "1"]
