"""Every Elasticsearch body "ce que j'ai fait" and matching send: pure functions."""

from collections.abc import Mapping
from typing import Any

from search_api.common.facets import Filters, facet_aggs, post_filter
from search_api.search.queries import FICHE_FIELDS, knn_clause

ITEMS: tuple[str, ...] = ("competences", "savoirs")  # what extraction recognises
LEXICAL_PER_CLAUSE = 20  # labels a clause's words find across all compétences and savoirs
LIKELY_DEPTH = 10  # fiches per ranking fused to choose them
APPELLATION_DEPTH = 30  # appellations searched to rank their fiches
ITEM_SOURCE = ["libelle", "nature", "categorie", "macro", "enjeu", "fiche_count"]
FICHE_SOURCE = [
    "libelle",
    "appellations.libelle",
    "competence_codes",
    "coeur_codes",
    "savoir_codes",
    "macro_codes",
]
USED = {"range": {"fiche_count": {"gte": 1}}}  # no fiche uses it: it leads to no métier


def clause_body(lemmas: str) -> dict[str, Any]:
    """Lemmas of a clause against the labels: most words, phrase order as a bonus."""
    return {
        "size": LEXICAL_PER_CLAUSE,
        "_source": ["fiches.code"],
        "query": {
            "bool": {
                "should": [
                    {"match": {"libelle": {"query": lemmas, "minimum_should_match": "2<60%"}}},
                    {"match_phrase": {"libelle": {"query": lemmas, "slop": 2, "boost": 2.0}}},
                ],
                "minimum_should_match": 1,
                "filter": [USED],
            }
        },
    }


def fiche_searches(vector: list[float], text: str) -> list[tuple[tuple[str, ...], dict[str, Any]]]:
    """(entities, body) of the searches that rank fiches: fiches by vector and by BM25, then
    appellations by vector and by BM25."""
    appellations = {"_source": ["fiche.code"], "size": APPELLATION_DEPTH}
    fiches: dict[str, Any] = {"size": LIKELY_DEPTH, "_source": False}
    return [
        (("fiches",), {**fiches, "knn": knn_clause(vector, LIKELY_DEPTH, Filters())}),
        (
            ("fiches",),
            {**fiches, "query": {"multi_match": {"query": text, "fields": list(FICHE_FIELDS)}}},
        ),
        (
            ("appellations",),
            {**appellations, "knn": knn_clause(vector, APPELLATION_DEPTH, Filters())},
        ),
        (("appellations",), {**appellations, "query": {"match": {"libelle": text}}}),
    ]


def candidates_body(vector: list[float], codes: list[str]) -> dict[str, Any]:
    """These items, each scored by the cosine of its label vector and the text's."""
    return {
        "size": len(codes),
        "source_includes": ITEM_SOURCE,
        "knn": {
            "field": "vector",
            "query_vector": vector,
            "k": len(codes),
            "num_candidates": len(codes),
            "filter": {"ids": {"values": codes}},
        },
    }


def items_body(codes: list[str]) -> dict[str, Any]:
    """These items' documents (learned extraction scores them itself)."""
    return {"size": len(codes), "_source": ITEM_SOURCE, "query": {"ids": {"values": codes}}}


LIKELY_BOOST = 1e3  # above any summed profile weight: the likely fiches are always re-scored
MATCH_CANDIDATES = 100  # fiches sharing the most weighted macros, re-scored exactly
# What scoring reads of a fiche: its macros and their flags, not the full compétence lists.
MATCH_SOURCE = [
    "code_rome",
    "libelle",
    "parent.code",
    "competences.macros.code_ogr",
    "competences.macros.libelle",
    "competences.macros.coeur_metier",
    "competences.macros.competences.coeur_metier",
]


def match_body(
    profile: dict[str, float],
    filters: Filters,
    *,
    with_facets: bool = True,
    likely: Mapping[str, float] | None = None,
) -> dict[str, Any]:
    """Fiches sharing at least one macro-compétence, by summed profile weight, and the fiches
    of the likely fiches métier (always candidates), with facets counted before the
    selections (multi-select, as in search)."""
    shared = [
        {"constant_score": {"filter": {"term": {"macro_codes": code}}, "boost": weight}}
        for code, weight in profile.items()
    ]
    if likely:
        ensured = {"terms": {"parent.code": sorted(likely)}}
        shared.append({"constant_score": {"filter": ensured, "boost": LIKELY_BOOST}})
    body: dict[str, Any] = {
        "query": {"bool": {"should": shared, "minimum_should_match": 1}},
        "size": MATCH_CANDIDATES,
        "_source": MATCH_SOURCE,
        "track_total_hits": True,
    }
    if with_facets:
        body["aggs"] = facet_aggs(filters)
    post = post_filter(filters)
    if post:
        body["post_filter"] = post
    return body
