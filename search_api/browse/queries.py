"""Elasticsearch bodies of browsing: entry point values with counts, fiches under one."""

from typing import Any

# Browsing entry points: name -> (code field, label field) on fiche documents.
BROWSE: dict[str, tuple[str, str]] = {
    "centres_interet": ("centres_interet.code", "centres_interet.libelle.raw"),
    "secteurs": ("secteurs.code", "secteurs.libelle.raw"),
    "sous_secteurs": ("sous_secteurs.code", "sous_secteurs.libelle.raw"),
    "grands_domaines": ("grand_domaine.code", "grand_domaine.libelle.raw"),
    "domaines_professionnels": ("domaine_professionnel.code", "domaine_professionnel.libelle.raw"),
}
BROWSE_SIZE = 200  # more than any list of entry points (110 domaines professionnels)
METIER = {"term": {"fiche_type": "metier"}}
EXACT_FIELD = "libelle.exact"


def entry_points_body(kind: str) -> dict[str, Any]:
    """The values of one browsing entry point with their label and fiche métier count."""
    code_field, label_field = BROWSE[kind]
    terms = {"field": code_field, "size": BROWSE_SIZE, "order": {"_key": "asc"}}
    return {
        "size": 0,
        "query": METIER,
        "aggs": {
            "values": {
                "terms": terms,
                "aggs": {"label": {"terms": {"field": label_field, "size": 1}}},
            }
        },
    }


def browse_body(letter: str | None, selected: dict[str, str], size: int) -> dict[str, Any]:
    """Fiches métier by first letter of their title and/or entry point values, alphabetical."""
    clauses: list[dict[str, Any]] = [METIER]
    if letter:
        clauses.append({"prefix": {EXACT_FIELD: letter.lower()}})
    for kind, value in selected.items():
        clauses.append({"term": {BROWSE[kind][0]: value}})
    return {
        "query": {"bool": {"filter": clauses}},
        "sort": [{EXACT_FIELD: "asc"}],
        "size": size,
        "source_includes": ["code_rome", "libelle"],
        "track_total_hits": True,
    }
