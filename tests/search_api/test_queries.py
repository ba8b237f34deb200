"""Query building and fusion: pure functions."""

from search_api.common.facets import Filters, post_filter
from search_api.common.fusion import rrf
from search_api.search import queries
from search_api.search.queries import FACETS, knn_clause, lexical_query, search_aggs


def test_rrf_rewards_documents_ranked_well_by_both_legs():
    fused = rrf([["a", "b", "c"], ["c", "a", "d"]], k=60)
    assert list(fused)[:2] == ["a", "c"]
    assert fused["a"] == 1 / 61 + 1 / 62
    assert fused["d"] == 1 / 63


def test_filters_or_within_a_facet_and_across_facets():
    filters = Filters({"secteur": ("84", "12"), "grand_domaine": ("F",)}, FACETS)
    assert filters.clauses() == [
        {"terms": {"grand_domaine.code": ["F"]}},
        {"terms": {"secteurs.code": ["84", "12"]}},
    ]
    assert filters.clauses(skip="secteur") == [{"terms": {"grand_domaine.code": ["F"]}}]
    assert not Filters().active
    assert post_filter(Filters()) is None


def test_each_facet_is_counted_under_the_other_selections_only():
    aggs = search_aggs(Filters({"secteur": ("84",), "grand_domaine": ("F",)}, FACETS))
    assert aggs["secteur"]["filter"]["bool"]["filter"] == [{"terms": {"grand_domaine.code": ["F"]}}]
    assert aggs["grand_domaine"]["filter"]["bool"]["filter"] == [
        {"terms": {"secteurs.code": ["84"]}}
    ]
    assert len(aggs["type"]["filter"]["bool"]["filter"]) == 2


def test_knn_prefilters_with_every_selection():
    clause = knn_clause([0.1] * 3, 20, Filters({"emploi_cadre": ("true",)}, FACETS))
    assert clause["filter"] == [{"terms": {"emploi_cadre": ["true"]}}]
    assert clause["k"] == 20
    assert clause["num_candidates"] >= 20
    assert "filter" not in knn_clause([0.1] * 3, 5, Filters())


def test_user_text_only_reaches_analysed_match_queries():
    body = lexical_query('a AND "b', ("appellations", "fiches"))
    text = str(body)
    assert "query_string" not in text
    assert "simple_query_string" not in text
    should = body["boosting"]["positive"]["bool"]["must"][0]["bool"]["should"]
    assert {next(iter(c)) for c in should} == {"match", "multi_match"}
    assert body["boosting"]["negative"] == {"term": {"peu_usite": True}}


def test_fields_of_several_types_are_merged_once():
    body = lexical_query("x", ("appellations", "fiches"))
    stemmed = body["boosting"]["positive"]["bool"]["must"][0]["bool"]["should"][2]
    fields = stemmed["multi_match"]["fields"]
    assert fields.count("libelle^3") == 1
    assert "definition^0.3" in fields
    assert stemmed["multi_match"]["boost"] == queries.STEMMED_BOOST
