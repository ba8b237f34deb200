"""Territory in the search box: fiches with offers in a région or département, offer counts,
and région/département facets counted on the offers of the fiches found."""

from typing import Any

from search_api.schemas import FacetValue
from search_api.service import SearchService, guarded

OFFRES = "offres"
MAX_FICHES = 2000  # more than the 1,584 fiches
TERRITORY_FACETS = ("region", "departement")  # facet names, also the offers' fields
FACET_SIZE = 120  # every département


def territory_clauses(
    selected: dict[str, tuple[str, ...]], *, skip: str | None = None
) -> list[dict[str, Any]]:
    """Offer filters for the selected régions / départements (OR within, AND across)."""
    return [
        {"terms": {f"{name}.code": list(values)}}
        for name, values in sorted(selected.items())
        if values and name != skip
    ]


def fiche_clause(codes: list[str]) -> dict[str, Any]:
    """Appellations of these fiches, or these fiches (a fiche métier is in the list when it or
    one of its fiches emploi has offers)."""
    return {
        "bool": {
            "should": [
                {"terms": {"fiche.code": codes}},
                {"terms": {"code_rome": codes}},
            ],
            "minimum_should_match": 1,
        }
    }


async def offer_counts(
    service: SearchService, selected: dict[str, tuple[str, ...]]
) -> dict[str, int]:
    """Offers per fiche in the territory: a fiche métier counts its fiches emploi's offers."""
    response = await guarded(
        service.es.search(
            index=service.alias(OFFRES),
            size=0,
            request_cache=True,
            query={"bool": {"filter": territory_clauses(selected)}},
            aggs={
                "fiches": {"terms": {"field": "fiche.code", "size": MAX_FICHES}},
                "parents": {"terms": {"field": "parent.code", "size": MAX_FICHES}},
            },
        )
    )
    aggs = response["aggregations"]
    counts = {b["key"]: int(b["doc_count"]) for b in aggs["fiches"]["buckets"]}
    counts.update({b["key"]: int(b["doc_count"]) for b in aggs["parents"]["buckets"]})
    return counts


async def territory_facets(
    service: SearchService, codes: list[str], selected: dict[str, tuple[str, ...]]
) -> dict[str, list[FacetValue]]:
    """Offers of these fiches per région and département; each facet ignores its own
    selection (multi-select)."""
    if not codes:
        return {name: [] for name in TERRITORY_FACETS}
    fiches = {
        "bool": {
            "should": [{"terms": {"fiche.code": codes}}, {"terms": {"parent.code": codes}}],
            "minimum_should_match": 1,
        }
    }
    aggs = {
        name: {
            "filter": {"bool": {"filter": territory_clauses(selected, skip=name)}},
            "aggs": {
                "values": {
                    "terms": {"field": f"{name}.code", "size": FACET_SIZE},
                    "aggs": {"label": {"terms": {"field": f"{name}.libelle.raw", "size": 1}}},
                }
            },
        }
        for name in TERRITORY_FACETS
    }
    response = await guarded(
        service.es.search(
            index=service.alias(OFFRES), size=0, request_cache=True, query=fiches, aggs=aggs
        )
    )
    out = {}
    for name in TERRITORY_FACETS:
        chosen = set(selected.get(name, ()))
        out[name] = [
            FacetValue(
                value=str(b["key"]),
                label=str(b["label"]["buckets"][0]["key"]) if b["label"]["buckets"] else b["key"],
                count=int(b["doc_count"]),
                selected=str(b["key"]) in chosen,
            )
            for b in response["aggregations"][name]["values"]["buckets"]
        ]
    return out
