"""Elasticsearch bodies of the records feature: métiers proches by shared macro-compétences."""

from typing import Any

PROCHES_CANDIDATES = 50  # fiches fetched by shared macro count before exact re-scoring
PROCHE_SOURCE = [
    "libelle",
    "macro_codes",
    "competences.macros.code_ogr",
    "competences.macros.libelle",
    "mobilites",
]


def shared_macros_body(code_rome: str, macros: list[str]) -> dict[str, Any]:
    """Fiches ranked by how many of these macro-compétences they share (one point each)."""
    shared = [{"constant_score": {"filter": {"term": {"macro_codes": m}}}} for m in macros]
    return {
        "query": {
            "bool": {
                "should": shared,
                "minimum_should_match": 1,
                "must_not": [{"ids": {"values": [code_rome]}}],
            }
        },
        "size": PROCHES_CANDIDATES,
        "source_includes": PROCHE_SOURCE,
    }


MAX_FICHES = 2000  # more than the 1,584 fiches


def parents_body() -> dict[str, Any]:
    """Every fiche with the fiche métier above it."""
    return {"size": MAX_FICHES, "source_includes": ["parent"]}
