"""Elasticsearch bodies of the territory routes."""

from typing import Any

from search_api.search.queries import EXACT_BOOST, EXACT_FIELD

SOURCE = ["type", "code", "libelle", "departement", "region", "codes_postaux"]
MAX_LIST = 2000  # more than the communes of any département (Pas-de-Calais: 890)
# Régions before départements before communes at equal match (people look for the larger
# area first; "Ardèche" the département, not a street-sized commune of that name).
TERRITOIRE_TYPE_BOOST = {"region": 3.0, "departement": 2.0, "commune": 1.0}
TERRITOIRE_LABELS = ("libelle.prefix", "formes.prefix")


def search_body(q: str, types: tuple[str, ...], size: int) -> dict[str, Any]:
    """As-you-type territory search: every word a prefix of the name (accents, hyphens and
    "St"/"Saint" folded), exact names first, postcodes and INSEE codes as typed."""
    typed = q.strip()
    matching: list[dict[str, Any]] = [
        {
            "multi_match": {
                "query": typed,
                "fields": list(TERRITOIRE_LABELS),
                "type": "cross_fields",
                "operator": "and",
            }
        },
        {"match": {EXACT_FIELD: {"query": typed, "boost": EXACT_BOOST}}},
        {"match": {"formes.exact": {"query": typed, "boost": EXACT_BOOST}}},
        {"term": {"codes_postaux": {"value": typed, "boost": EXACT_BOOST}}},
        {"term": {"code": {"value": typed.upper(), "boost": EXACT_BOOST}}},
    ]
    query = {
        "bool": {
            "must": [{"bool": {"should": matching, "minimum_should_match": 1}}],
            "should": [
                {"term": {"type": {"value": kind, "boost": boost}}}
                for kind, boost in TERRITOIRE_TYPE_BOOST.items()
            ],
            "filter": [{"terms": {"type": list(types)}}],
        }
    }
    return {"query": query, "size": size, "source_includes": SOURCE}


def list_body(kind: str, parent: tuple[str, str] | None) -> dict[str, Any]:
    """Territories of one kind, under a parent (field, code) if given, alphabetical."""
    filters: list[dict[str, Any]] = [{"term": {"type": kind}}]
    if parent:
        filters.append({"term": {f"{parent[0]}.code": parent[1]}})
    return {
        "query": {"bool": {"filter": filters}},
        "sort": [{EXACT_FIELD: "asc"}],
        "size": MAX_LIST,
        "source_includes": SOURCE,
        "track_total_hits": True,
    }
