"""The French analysis chain, proven with `_analyze` on the live engine."""

import pytest
from elasticsearch import BadRequestError, Elasticsearch

from analyzers import analysis_settings

pytestmark = pytest.mark.integration


@pytest.fixture
def french_index(es: Elasticsearch, index_name: str) -> str:
    es.indices.create(index=index_name, settings={"analysis": analysis_settings()})
    return index_name


def tokens(es: Elasticsearch, index: str, analyzer: str, text: str) -> list[str]:
    result = es.indices.analyze(index=index, analyzer=analyzer, text=text)
    return [t["token"] for t in result["tokens"]]


def test_feminine_plural_and_elided_forms_meet_the_masculine(es, french_index):
    base = tokens(es, french_index, "fr_text", "infirmier")
    assert tokens(es, french_index, "fr_text", "L'infirmière") == base
    assert tokens(es, french_index, "fr_text", "L’infirmière") == base
    assert tokens(es, french_index, "fr_text", "infirmiers") == base


def test_accentless_query_meets_the_accented_word(es, french_index):
    assert tokens(es, french_index, "fr_text_search", "ingenieur") == tokens(
        es, french_index, "fr_text", "ingénieur"
    )


def test_boulangere_meets_boulanger(es, french_index):
    assert tokens(es, french_index, "fr_text", "boulangère") == tokens(
        es, french_index, "fr_text", "boulanger"
    )


def test_elision_drops_the_article(es, french_index):
    assert tokens(es, french_index, "fr_text", "d'équipe") == tokens(
        es, french_index, "fr_text", "équipe"
    )
    assert "d" not in tokens(es, french_index, "fr_text", "chef d'équipe")


def test_prefix_reaches_the_full_word(es, french_index):
    query = tokens(es, french_index, "fr_prefix_search", "dév")
    assert "dev" in query  # with its synonym "developpeur" (prefix search expands abbreviations)
    assert "dev" in tokens(es, french_index, "fr_prefix", "Développeur")
    assert "developpeur" in tokens(es, french_index, "fr_prefix", "Développeur")


def test_search_time_synonyms_expand_both_ways(es, french_index):
    dev = tokens(es, french_index, "fr_text_search", "dev")
    assert "dev" in dev
    assert tokens(es, french_index, "fr_text", "développeur")[0] in dev
    long_form = tokens(es, french_index, "fr_text_search", "développeur")
    assert "dev" in long_form


def test_multi_word_synonym_expands_an_abbreviation(es, french_index):
    expanded = set(tokens(es, french_index, "fr_text_search", "drh"))
    long_form = tokens(es, french_index, "fr_text", "directeur des ressources humaines")
    assert "drh" in expanded
    assert set(long_form) <= expanded


def test_feminine_forms_meet_masculine_across_job_titles(es, french_index):
    for masculine, feminine in [
        ("directeur", "directrice"),
        ("cuisinier", "cuisinière"),
        ("vendeur", "vendeuse"),
        ("technicien", "technicienne"),
        ("caissier", "caissiere"),
    ]:
        assert tokens(es, french_index, "fr_text", feminine) == tokens(
            es, french_index, "fr_text", masculine
        ), (masculine, feminine)


def test_keyword_normalizer_folds_case_and_accents(es, index_name):
    es.indices.create(
        index=index_name,
        settings={"analysis": analysis_settings()},
        mappings={"properties": {"label": {"type": "keyword", "normalizer": "fr_keyword"}}},
    )
    result = es.indices.analyze(index=index_name, field="label", text="Boulangère")
    assert [t["token"] for t in result["tokens"]] == ["boulangere"]


def test_an_unknown_filter_fails_with_a_clear_error(es, index_name):
    settings = {"analysis": {"analyzer": {"broken": {"tokenizer": "standard", "filter": ["nope"]}}}}
    with pytest.raises(BadRequestError, match="nope"):
        es.indices.create(index=index_name, settings=settings)
