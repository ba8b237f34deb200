"""Query building and fusion: pure functions."""

from typing import Any

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


def under(aggs: dict[str, Any], name: str) -> tuple[list[Any], dict[str, Any]]:
    """The filter a facet is counted under ([] if none), and its terms aggregation."""
    if name in aggs:
        return [], aggs[name]
    group = next(a for a in aggs.values() if name in a.get("aggs", {}))
    return group["filter"]["bool"]["filter"], group["aggs"][name]


def test_each_facet_is_counted_under_the_other_selections_only():
    filters = Filters({"secteur": ("84",), "grand_domaine": ("F",)}, FACETS)
    aggs = search_aggs(filters, queries.FACET_NAMES)
    assert under(aggs, "secteur")[0] == [{"terms": {"grand_domaine.code": ["F"]}}]
    assert under(aggs, "grand_domaine")[0] == [{"terms": {"secteurs.code": ["84"]}}]
    assert len(under(aggs, "type")[0]) == 2
    assert under(aggs, "emploi_cadre")[0] == filters.clauses()
    assert under(aggs, "secteur")[1]["terms"]["field"] == "secteurs.code"


def test_facets_under_the_same_selections_share_one_filter_and_none_needs_none():
    one = Filters({"secteur": ("84",)}, FACETS)
    aggs = search_aggs(one, queries.DEFAULT_FACETS)
    assert set(aggs) == {"secteur", f"{queries.UNDER_SELECTIONS}0"}  # the rest share one filter
    assert set(search_aggs(Filters(facets=FACETS), queries.DEFAULT_FACETS)) == set(
        queries.DEFAULT_FACETS
    )
    assert search_aggs(one, ["centre_interet"]).keys() == {f"{queries.UNDER_SELECTIONS}0"}


def test_facet_results_come_out_of_their_shared_filter_by_name():
    buckets = {"buckets": [{"key": "84", "doc_count": 3}]}
    response = {
        "secteur": buckets,
        f"{queries.UNDER_SELECTIONS}0": {"doc_count": 9, "type": buckets, "transition": buckets},
    }
    assert queries.facet_results(response) == {
        name: {"values": buckets} for name in ("secteur", "type", "transition")
    }


def test_only_the_facets_asked_for_are_counted_and_the_total_is_bounded_without():
    with_facets = queries.lexical_body(
        "x", ("appellations",), Filters(facets=FACETS), 10, facets=["secteur"]
    )
    assert set(with_facets["aggs"]) == {"secteur"}
    assert with_facets["track_total_hits"] is True  # counting facets visits every match
    bare = queries.lexical_body("x", ("appellations",), Filters(facets=FACETS), 10)
    assert "aggs" not in bare
    assert bare["track_total_hits"] == queries.TOTAL_BOUND
    assert "highlight" in bare
    assert "highlight" not in queries.lexical_body("x", ("appellations",), Filters(), 0)


def fuzzy_in(body: dict[str, Any]) -> bool:
    return "fuzziness" in str(body)


def test_typos_are_allowed_only_in_the_second_pass():
    assert not fuzzy_in(lexical_query("boulnger", ("appellations",)))
    assert fuzzy_in(lexical_query("boulnger", ("appellations",), fuzzy=True))
    assert not fuzzy_in(queries.autocomplete_body("boulnger", 16, "p"))
    assert not fuzzy_in(queries.complete_body("boulnger", 16))
    assert fuzzy_in(queries.complete_body("boulnger", 16, fuzzy=True))


def test_a_first_pass_finding_fewer_than_a_few_documents_calls_for_the_second():
    def answer(total: int) -> dict[str, Any]:
        return {"hits": {"total": {"value": total, "relation": "eq"}, "hits": []}}

    assert queries.found_little(answer(queries.FUZZY_BELOW - 1))
    assert not queries.found_little(answer(queries.FUZZY_BELOW))


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


def test_a_completion_marks_the_words_typed_as_the_engine_highlights_them():
    label = "Aide-soignant / Aide-soignante en gériatrie"
    marked = "<em>Aide</em>-<em>soignant</em> / <em>Aide</em>-<em>soignante</em> en gériatrie"
    assert queries.word_highlight(label, "aide soi") == marked
    assert (
        queries.word_highlight("Infirmier / Infirmière", "INFIRMIERE")
        == "Infirmier / <em>Infirmière</em>"
    )
    assert queries.word_highlight("Boulanger / Boulangère", "chauf") is None


def test_a_completion_request_asks_for_suggestions_only():
    body = queries.complete_body("infirm", 16)
    assert body["size"] == 0
    assert body["ignore_unavailable"]
    assert queries.SUGGEST_FIELD not in body["_source"]  # not the inputs, only what is shown
    completion = body["suggest"][queries.SUGGESTION]
    assert completion == {"prefix": "infirm", "completion": {"field": "suggest", "size": 16}}


def test_the_word_pass_follows_completions_or_several_words_only():
    assert queries.word_pass_may_add("plombier", 6)
    assert queries.word_pass_may_add("soignant aide", 0)  # words out of order
    assert not queries.word_pass_may_add("maçon(ne", 0)
    assert not queries.word_pass_may_add("  boulnger ", 0)
    assert queries.word_pass_may_add("boulang", None)  # no autocomplete index answered
