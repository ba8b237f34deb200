"""Every Elasticsearch body the offers feature sends: search, facets, market, territory counts."""

from datetime import UTC, date, datetime, timedelta
from typing import Any

from search_api.common.facets import FacetFields, Filters, facet_aggs, post_filter
from search_api.search.queries import (
    ANY_WORD_BOOST,
    EXACT_BOOST,
    MOST_WORDS,
    PHRASE_BOOST,
    PREFIX_BOOST,
    STEMMED_BOOST,
    highlight,
    knn_clause,
)

SOURCE = [
    "id",
    "intitule",
    "date_creation",
    "type_contrat",
    "commune",
    "departement",
    "region",
    "fiche",
    "parent",
    "appellation",
    "salaire",
]
# Facets of /v1/offres/search (fiches emploi roll up to their fiche métier).
OFFER_FACETS: FacetFields = {
    "region": ("region.code", "region.libelle.raw"),
    "departement": ("departement.code", "departement.libelle.raw"),
    "commune": ("commune.code", "commune.libelle.raw"),
    "code_rome": ("parent.code", "parent.libelle.raw"),
    "type_contrat": ("type_contrat", "type_contrat_libelle"),
    "secteur": ("secteur.code", "secteur.libelle.raw"),
}
PUBLISHED = "publiee_depuis"
PUBLISHED_WITHIN_DAYS = (1, 3, 7, 14, 31)  # the France Travail "publiée depuis" choices
TERRITORY_FACETS = ("region", "departement")  # facet names, also the offers' fields
TERRITORY_FACET_SIZE = 120  # every département
MAX_FICHES = 2000  # more than the 1,584 fiches
MARKET_WEEKS = 12  # weekly trend window
MARKET_SECTEURS = 5


def fiche_or_parent(codes: list[str], fiche_field: str, parent_field: str) -> dict[str, Any]:
    """Documents of these fiches or of fiches under them (a fiche métier counts its fiches
    emploi)."""
    return {
        "bool": {
            "should": [{"terms": {fiche_field: codes}}, {"terms": {parent_field: codes}}],
            "minimum_should_match": 1,
        }
    }


def days_ago(days: int) -> str:
    """Midnight UTC `days` days ago, as a fixed date: a request naming `now` is never served
    from Elasticsearch's request cache, one naming today's date is, all day long."""
    return (datetime.now(UTC).date() - timedelta(days=days)).isoformat()


def published_within(days: int) -> dict[str, Any]:
    """Offers created in the last `days` days (from midnight)."""
    return {"range": {"date_creation": {"gte": days_ago(days)}}}


def offer_query(q: str) -> dict[str, Any]:
    """Offer titles first (exact, phrase, all words, prefixes), then most words of the title,
    the matched appellation and, weakly, the description."""
    prefix = {"query": q, "operator": "and", "boost": PREFIX_BOOST}
    description = {"query": q, "minimum_should_match": MOST_WORDS, "boost": ANY_WORD_BOOST}
    return {
        "bool": {
            "should": [
                {"match": {"intitule.exact": {"query": q, "boost": EXACT_BOOST}}},
                {"match_phrase": {"intitule": {"query": q, "boost": PHRASE_BOOST}}},
                {"match": {"intitule": {"query": q, "operator": "and", "boost": STEMMED_BOOST}}},
                {"match": {"intitule.prefix": prefix}},
                {"match": {"intitule": {"query": q, "minimum_should_match": MOST_WORDS}}},
                {"match": {"appellation.libelle": {"query": q, "operator": "and"}}},
                {"match": {"description": description}},
            ],
            "minimum_should_match": 1,
        }
    }


def published_aggs(filters: Filters) -> dict[str, Any]:
    """Offers per "published within" choice, under every other selection."""
    ranges = [{"key": str(d), "from": days_ago(d)} for d in PUBLISHED_WITHIN_DAYS]
    return {
        "filter": {"bool": {"filter": Filters(filters.selected, filters.facets).clauses()}},
        "aggs": {"values": {"date_range": {"field": "date_creation", "ranges": ranges}}},
    }


def offer_search_bodies(
    text: str, filters: Filters, size: int
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The lexical offers request (empty text: newest first) and its facets request.

    Facets go in a request of their own with `size: 0` so that Elasticsearch's shard request
    cache serves repeated ones (the same département or fiche asked again by other users)."""
    query = offer_query(text) if text else {"match_all": {}}
    post = post_filter(filters)
    hits: dict[str, Any] = {
        "query": {"bool": {"must": [query], "filter": [post]}} if post else query,
        "size": size,
        "track_total_hits": True,
        "source_includes": SOURCE,
    }
    if text:
        hits["highlight"] = highlight(text, "intitule")
    else:
        hits["sort"] = [{"date_creation": {"order": "desc", "missing": "_last"}}]
    aggs = facet_aggs(filters)
    aggs[PUBLISHED] = published_aggs(filters)
    facets = {"query": query, "size": 0, "aggs": aggs, "request_cache": True}
    return hits, facets


def offer_knn_body(vector: list[float], size: int, filters: Filters) -> dict[str, Any]:
    """Offers whose title vector is nearest, under the selections."""
    return {"knn": knn_clause(vector, size, filters), "size": size, "source_includes": SOURCE}


def market_anchor(until: date | None) -> str:
    """Date math of the day the weekly trend ends: now, or a sample's newest offer (a sample's
    offers are dated: counted back from today they would fall outside the window)."""
    return f"{until.isoformat()}||" if until else "now"


def market_aggs(until: date | None = None) -> dict[str, Any]:
    """Offers of a fiche: count, contracts, salary quartiles, top secteurs, and the weekly
    trend over the 12 weeks up to `until` (default today)."""
    anchor = market_anchor(until)
    weeks = f"{anchor}-{MARKET_WEEKS}w/w"
    histogram = {
        "field": "date_creation",
        "calendar_interval": "week",
        "min_doc_count": 0,
        "extended_bounds": {"min": weeks, "max": f"{anchor}/w"},
    }
    return {
        "contrats": {
            "terms": {"field": "type_contrat", "size": 20},
            "aggs": {"label": {"terms": {"field": "type_contrat_libelle", "size": 1}}},
        },
        # Monthly salary of an offer: the middle of its published range (set at ingestion).
        "salaires": {"percentiles": {"field": "salaire.mensuel", "percents": [25, 50, 75]}},
        "avec_salaire": {"filter": {"exists": {"field": "salaire.mensuel"}}},
        "secteurs": {
            "terms": {"field": "secteur.code", "size": MARKET_SECTEURS},
            "aggs": {"label": {"terms": {"field": "secteur.libelle.raw", "size": 1}}},
        },
        "semaines": {
            "filter": {"range": {"date_creation": {"gte": weeks, "lt": f"{anchor}+1d/d"}}},
            "aggs": {"values": {"date_histogram": histogram}},
        },
    }


def market_body(
    code_rome: str, territory: dict[str, Any] | None, until: date | None = None
) -> dict[str, Any]:
    """One request: the fiche's offers nationally and, if asked, in one territory; the trend
    ends at `until` (default today)."""
    aggs: dict[str, Any] = {"national": {"filter": {"match_all": {}}, "aggs": market_aggs(until)}}
    if territory is not None:
        aggs["territoire"] = {"filter": territory, "aggs": market_aggs(until)}
    return {
        "query": fiche_or_parent([code_rome], "fiche.code", "parent.code"),
        "size": 0,
        "aggs": aggs,
        "track_total_hits": True,
    }


def territory_clauses(
    selected: dict[str, tuple[str, ...]], *, skip: str | None = None
) -> list[dict[str, Any]]:
    """Offer filters for the selected régions / départements (OR within, AND across)."""
    return [
        {"terms": {f"{name}.code": list(values)}}
        for name, values in sorted(selected.items())
        if values and name != skip
    ]


def offer_counts_body(selected: dict[str, tuple[str, ...]]) -> dict[str, Any]:
    """Offers per fiche and per fiche métier in the territory."""
    return {
        "size": 0,
        "request_cache": True,
        "query": {"bool": {"filter": territory_clauses(selected)}},
        "aggs": {
            "fiches": {"terms": {"field": "fiche.code", "size": MAX_FICHES}},
            "parents": {"terms": {"field": "parent.code", "size": MAX_FICHES}},
        },
    }


def territory_facets_body(codes: list[str], selected: dict[str, tuple[str, ...]]) -> dict[str, Any]:
    """Offers of these fiches per région and département; each facet ignores its own
    selection (multi-select)."""
    facets = Filters(
        {k: v for k, v in selected.items() if k in TERRITORY_FACETS},
        {name: (f"{name}.code", f"{name}.libelle.raw") for name in TERRITORY_FACETS},
    )
    return {
        "size": 0,
        "request_cache": True,
        "query": fiche_or_parent(codes, "fiche.code", "parent.code"),
        "aggs": facet_aggs(facets, TERRITORY_FACET_SIZE),
    }


def departements_body() -> dict[str, Any]:
    """The départements offers are in (the benchmark draws its territory filters from them)."""
    terms = {"field": "departement.code", "size": TERRITORY_FACET_SIZE}
    return {"size": 0, "aggs": {"departements": {"terms": terms}}}
