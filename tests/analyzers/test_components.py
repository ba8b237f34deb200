"""The analysis components our settings use, with the parameters of `analysis-common`.

On the embedded engine they come from our plugin; on the official image from the module.
The same requests must give the same tokens on both.
"""

import pytest
from elasticsearch import BadRequestError, Elasticsearch

pytestmark = pytest.mark.integration


def analyze(es: Elasticsearch, text: str, **body: object) -> list[str]:
    result = es.indices.analyze(text=text, **body)  # type: ignore[arg-type]
    return [t["token"] for t in result["tokens"]]


def test_elision_with_custom_articles(es):
    elision = {"type": "elision", "articles": ["l", "d"], "articles_case": True}
    assert analyze(es, "L'avion d'Air", tokenizer="standard", filter=[elision]) == ["avion", "Air"]


def test_asciifolding_can_preserve_the_original(es):
    folding = {"type": "asciifolding", "preserve_original": True}
    assert analyze(es, "pâtissière", tokenizer="standard", filter=[folding]) == [
        "patissiere",
        "pâtissière",
    ]
    assert analyze(es, "pâtissière", tokenizer="standard", filter=["asciifolding"]) == [
        "patissiere"
    ]


@pytest.mark.parametrize(
    ("language", "word", "stem"),
    [("light_french", "chevaux", "cheval"), ("minimal_french", "chevaux", "cheval")],
)
def test_french_stemmers(es, language, word, stem):
    stemmer = {"type": "stemmer", "language": language}
    assert analyze(es, word, tokenizer="standard", filter=[stemmer]) == [stem]


def test_edge_ngram_filter_with_bounds(es):
    grams = {"type": "edge_ngram", "min_gram": 2, "max_gram": 4}
    assert analyze(es, "cariste", tokenizer="standard", filter=[grams]) == ["ca", "car", "cari"]


def test_keyword_tokenizer_keeps_the_whole_input(es):
    assert analyze(es, "Chef de rang", tokenizer="keyword") == ["Chef de rang"]


def test_inline_synonym_graph(es):
    synonyms = {"type": "synonym_graph", "synonyms": ["vrp, voyageur representant placier"]}
    tokens = analyze(es, "vrp", tokenizer="standard", filter=["lowercase", synonyms])
    assert set(tokens) == {"vrp", "voyageur", "representant", "placier"}


def test_file_synonyms_from_the_config_folder(es, index_name):
    """The engine ships analyzers/synonyms.txt as config/analysis/synonyms.txt."""
    settings = {
        "analysis": {
            "filter": {
                "file_syn": {"type": "synonym_graph", "synonyms_path": "analysis/synonyms.txt"}
            },
            "analyzer": {
                "with_file": {"tokenizer": "standard", "filter": ["lowercase", "file_syn"]}
            },
        }
    }
    es.indices.create(index=index_name, settings=settings)
    result = es.indices.analyze(index=index_name, analyzer="with_file", text="toubib")
    assert {t["token"] for t in result["tokens"]} == {"toubib", "medecin"}


def test_a_missing_synonyms_file_is_a_clear_error(es, index_name):
    settings = {
        "analysis": {
            "filter": {"f": {"type": "synonym_graph", "synonyms_path": "analysis/absent.txt"}},
            "analyzer": {"a": {"tokenizer": "standard", "filter": ["f"]}},
        }
    }
    with pytest.raises(BadRequestError, match=r"absent\.txt"):
        es.indices.create(index=index_name, settings=settings)


def test_an_unknown_stemmer_language_is_refused(es):
    with pytest.raises(BadRequestError, match="klingon"):
        analyze(es, "x", tokenizer="standard", filter=[{"type": "stemmer", "language": "klingon"}])
