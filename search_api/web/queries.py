"""Elasticsearch bodies the pages need and no domain service sends: pure functions.

The pages otherwise call the domain services; these cover the latest offers of a fiche, the
did-you-mean of an empty search, the compétences tree, the métiers d'avenir and the letter
counts of the A–Z."""

from string import ascii_uppercase
from typing import Any

from search_api.browse.queries import EXACT_FIELD, METIER
from search_api.offres.queries import SOURCE as OFFER_SOURCE
from search_api.offres.queries import fiche_or_parent
from search_api.search.queries import preferred

LATEST_OFFERS = 5
# A did-you-mean may fix two typos anywhere in a word, first letters included (the search's
# own fuzzy clause keeps the first two letters, so an empty search got there already).
SUGGEST_FUZZINESS = 2
TREE_SIZE = 600  # more than the 507 macro-compétences
MAX_METIERS = 600  # more fiches métier than any entry point holds
MACRO = "Macro-compétence"


def scope_clause(kind: str, code: str) -> dict[str, Any]:
    """Offers in a région, département or commune (the offers' field of that name)."""
    return {"term": {f"{kind}.code": code}}


def latest_offers_body(
    code_rome: str, scope: dict[str, Any] | None, size: int = LATEST_OFFERS
) -> dict[str, Any]:
    """The newest offers of a fiche (a fiche métier counts its fiches emploi), in the scope."""
    clauses = [fiche_or_parent([code_rome], "fiche.code", "parent.code")]
    return {
        "query": {"bool": {"filter": clauses + ([scope] if scope else [])}},
        "sort": [{"date_creation": {"order": "desc", "missing": "_last"}}],
        "size": size,
        "source_includes": OFFER_SOURCE,
    }


def did_you_mean_body(q: str) -> dict[str, Any]:
    """The appellation closest in spelling to words nothing matched."""
    fuzzy = {"query": q, "fuzziness": SUGGEST_FUZZINESS, "prefix_length": 0}
    return {
        "query": preferred({"match": {"libelle": fuzzy}}),
        "size": 1,
        "source_includes": ["libelle"],
    }


def macros_body() -> dict[str, Any]:
    """Every macro-compétence with its tree path, and the savoir-faire count under each."""
    return {
        "query": {"term": {"nature": MACRO}},
        "size": TREE_SIZE,
        "source_includes": ["code_ogr", "libelle", "macro", "domaine", "enjeu", "objectif"],
        "aggs": {
            "savoir_faire": {
                "filter": {"bool": {"must_not": [{"term": {"nature": MACRO}}]}},
                "aggs": {"macros": {"terms": {"field": "macro.code_ogr", "size": TREE_SIZE}}},
            }
        },
    }


def under_macro_body(code_ogr: str) -> dict[str, Any]:
    """The savoir-faire under one macro-compétence, alphabetical."""
    return {
        "query": {
            "bool": {
                "filter": [{"term": {"macro.code_ogr": code_ogr}}],
                "must_not": [{"term": {"nature": MACRO}}],
            }
        },
        "sort": [{EXACT_FIELD: "asc"}],
        "size": TREE_SIZE,
        "source_includes": ["code_ogr", "libelle", "fiche_count"],
    }


def fiches_with_macro_body(code_ogr: str) -> dict[str, Any]:
    """Every fiche (métier or emploi) that mobilises a macro-compétence, alphabetical."""
    return {
        "query": {"term": {"macro_codes": code_ogr}},
        "sort": [{EXACT_FIELD: "asc"}],
        "size": MAX_METIERS,
        "source_includes": ["libelle"],
    }


def transitions_body() -> dict[str, Any]:
    """Fiches métier per transition tag."""
    return {
        "size": 0,
        "query": METIER,
        "aggs": {"values": {"terms": {"field": "transitions", "size": 20}}},
    }


def metiers_body(filters: list[dict[str, Any]]) -> dict[str, Any]:
    """Fiches métier under these filters, alphabetical, with the sous-secteurs among them."""
    return {
        "query": {"bool": {"filter": [METIER, *filters]}},
        "sort": [{EXACT_FIELD: "asc"}],
        "size": MAX_METIERS,
        "source_includes": ["code_rome", "libelle"],
        "track_total_hits": True,
        "aggs": {
            "sous_secteurs": {
                "terms": {"field": "sous_secteurs.code", "size": 100, "order": {"_key": "asc"}},
                "aggs": {"label": {"terms": {"field": "sous_secteurs.libelle.raw", "size": 1}}},
            }
        },
    }


def letters_body() -> dict[str, Any]:
    """Fiches métier per first letter of their title."""
    letters = {c: {"prefix": {EXACT_FIELD: c.lower()}} for c in ascii_uppercase}
    return {"size": 0, "query": METIER, "aggs": {"letters": {"filters": {"filters": letters}}}}
