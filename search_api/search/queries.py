"""Every Elasticsearch body the search box, lookups and autocomplete send: pure functions.

User text only ever goes into `match`-family queries (analysed, never parsed as query syntax),
so no input can make a query fail to parse.
"""

import re
from typing import Any

from search_api.common.facets import FacetFields, Filters, facet_aggs, post_filter

# Lexical boosts, from strongest to weakest evidence.
EXACT_BOOST = 8.0  # the whole label typed as is (case and accents folded)
PHRASE_BOOST = 4.0  # the words in the label's order
STEMMED_BOOST = 2.0  # every word matches after French analysis and synonyms
PREFIX_BOOST = 1.5  # every word matches the start of label words (as-you-type)
MOST_WORDS_BOOST = 1.0  # most words match: long titles with words no label has
ANY_WORD_BOOST = 0.3  # any word matches: titles padded with places, contracts, team names
FUZZY_BOOST = 0.5  # every word matches within an edit distance: typos, last resort
# Up to two words all must match; beyond, 70 % of them (job-ad titles carry extra words).
MOST_WORDS = "2<70%"

# Fields searched per entity, with their weight: appellation labels over fiche texts.
LABEL_FIELDS = ("libelle^3", "formes^3", "libelle_court^2")
FICHE_FIELDS = ("libelle^3", "appellations.libelle^1.5", "definition^0.3")
TEXT_FIELDS: dict[str, tuple[str, ...]] = {
    "appellations": LABEL_FIELDS,
    "fiches": FICHE_FIELDS,
    "competences": ("libelle^3", "macro.libelle^0.5"),
    "savoirs": ("libelle^3",),
}
PREFIX_FIELD = "libelle.prefix"  # edge n-grams of the folded label words
EXACT_FIELD = "libelle.exact"  # the whole label, case and accents folded
SOURCE = ["libelle", "fiche", "parent", "classification"]

# Appellation preferences at equal relevance.
PRINCIPALE_BOOST = 1.0  # the fiche's own title over its synonyms
PEU_USITE_FACTOR = 0.5  # rarely used titles sink below common ones

# Facets of the search box: name -> (field holding the value, field holding the label).
FACETS: FacetFields = {
    "grand_domaine": ("grand_domaine.code", "grand_domaine.libelle.raw"),
    "domaine_professionnel": ("domaine_professionnel.code", "domaine_professionnel.libelle.raw"),
    "secteur": ("secteurs.code", "secteurs.libelle.raw"),
    "centre_interet": ("centres_interet.code", "centres_interet.libelle.raw"),
    "transition": ("transitions", None),
    "emploi_reglemente": ("emploi_reglemente", None),
    "emploi_cadre": ("emploi_cadre", None),
}
TYPE_FACET = "type"  # the kind of record, counted on the physical index name
TYPES_SIZE = 20

# Gender markers of French job ads ("H/F", "(F/H)", "H/F/X") say nothing about the job.
GENDER_MARKER = re.compile(r"[(\[]?\b[HFX]\s*/\s*[HFX](?:\s*/\s*[HFX])?\b[)\]]?", re.IGNORECASE)


def clean_query(q: str) -> str:
    """The query without gender markers; unchanged if nothing else would remain."""
    cleaned = " ".join(GENDER_MARKER.sub(" ", q).split())
    return cleaned or q.strip() or q


def _multi(q: str, fields: tuple[str, ...], boost: float, **options: object) -> dict[str, Any]:
    return {"multi_match": {"query": q, "fields": list(fields), "boost": boost, **options}}


def text_clauses(q: str, fields: tuple[str, ...]) -> list[dict[str, Any]]:
    """The should-clauses matching the query text, strongest evidence first."""
    plain = tuple(f.split("^")[0] for f in fields[:2])
    return [
        {"match": {EXACT_FIELD: {"query": q, "boost": EXACT_BOOST}}},
        _multi(q, fields, PHRASE_BOOST, type="phrase"),
        _multi(q, fields, STEMMED_BOOST, type="best_fields", operator="and"),
        {"match": {PREFIX_FIELD: {"query": q, "operator": "and", "boost": PREFIX_BOOST}}},
        _multi(q, fields, MOST_WORDS_BOOST, type="best_fields", minimum_should_match=MOST_WORDS),
        _multi(q, fields, ANY_WORD_BOOST, type="best_fields"),
        # Typos rarely hit the first two letters; fixing them and capping the expansions
        # keeps the fuzzy clause from dominating the query cost.
        _multi(
            q,
            plain,
            FUZZY_BOOST,
            fuzziness="AUTO",
            prefix_length=2,
            max_expansions=10,
            operator="and",
        ),
    ]


def preferred(query: dict[str, Any], *extra: dict[str, Any]) -> dict[str, Any]:
    """PRINCIPALE appellations first at equal relevance, peu usité ones sunk."""
    principale = {"term": {"classification": {"value": "PRINCIPALE", "boost": PRINCIPALE_BOOST}}}
    return {
        "boosting": {
            "positive": {"bool": {"must": [query], "should": [principale, *extra]}},
            "negative": {"term": {"peu_usite": True}},
            "negative_boost": PEU_USITE_FACTOR,
        }
    }


def lexical_query(q: str, entities: tuple[str, ...]) -> dict[str, Any]:
    """Multi-field French matching over the given entities; filters go in `post_filter`."""
    fields = tuple(dict.fromkeys(f for t in entities for f in TEXT_FIELDS[t]))
    return preferred({"bool": {"should": text_clauses(q, fields), "minimum_should_match": 1}})


def knn_clause(vector: list[float], k: int, filters: Filters) -> dict[str, Any]:
    """Nearest label vectors, with every facet selection applied before the search."""
    clause: dict[str, Any] = {
        "field": "vector",
        "query_vector": vector,
        "k": k,
        "num_candidates": max(100, 4 * k),  # exact (flat) vectors: candidates only bound the work
    }
    if filters.active:
        clause["filter"] = filters.clauses()
    return clause


def highlight(q: str, field: str = "libelle") -> dict[str, Any]:
    """Highlight the label with a plain match of the query: highlighting the full query (fuzzy
    and prefix expansions included) cost more than the search itself."""
    return {
        "pre_tags": ["<em>"],
        "post_tags": ["</em>"],
        "fields": {field: {"number_of_fragments": 0}},
        "highlight_query": {"match": {field: q}},
    }


def search_aggs(filters: Filters) -> dict[str, Any]:
    """The search box's facets, and the kinds of record under every selection."""
    aggs = facet_aggs(filters)
    aggs[TYPE_FACET] = {
        "filter": {"bool": {"filter": filters.clauses()}},
        "aggs": {"values": {"terms": {"field": "_index", "size": TYPES_SIZE}}},
    }
    return aggs


def lexical_body(
    q: str, entities: tuple[str, ...], filters: Filters, size: int, *, with_facets: bool
) -> dict[str, Any]:
    """The lexical leg: hits with highlights and total, facets when asked for."""
    body: dict[str, Any] = {
        "query": lexical_query(q, entities),
        "size": size,
        "source_includes": SOURCE,
        "highlight": highlight(q),
        "track_total_hits": True,
    }
    if with_facets:
        body["aggs"] = search_aggs(filters)
    post = post_filter(filters)
    if post:
        body["post_filter"] = post
    return body


def knn_body(vector: list[float], size: int, filters: Filters) -> dict[str, Any]:
    """The semantic leg: nearest label vectors under the selections."""
    return {"knn": knn_clause(vector, size, filters), "size": size, "source_includes": SOURCE}


# Autocomplete: the words typed so far must all start label words; the last word may be cut.
AUTOCOMPLETE_TYPES = ("appellations", "fiches", "competences")
STARTS_WITH_BOOST = 3.0
# Job titles are what people type in the box; compétences complete the list.
AUTOCOMPLETE_INDEX_BOOST = {"appellations": 2.0, "fiches": 1.5, "competences": 1.0}


def autocomplete_query(q: str) -> dict[str, Any]:
    """As-you-type: prefix match on every word, a fuzzy variant for typos, exact titles first."""
    typed = [
        {"match": {PREFIX_FIELD: {"query": q, "operator": "and", "boost": 2.0}}},
        {
            "match": {
                PREFIX_FIELD: {
                    "query": q,
                    "operator": "and",
                    "fuzziness": "AUTO:4,8",  # no typo allowed under 4 letters
                    "prefix_length": 1,
                }
            }
        },
        {"match": {EXACT_FIELD: {"query": q, "boost": EXACT_BOOST}}},
    ]
    # The label itself starts with what was typed ("boulang" -> "Boulanger ...").
    starts = {"prefix": {EXACT_FIELD: {"value": q.strip().lower(), "boost": STARTS_WITH_BOOST}}}
    return preferred({"bool": {"should": typed, "minimum_should_match": 1}}, starts)


def autocomplete_body(q: str, size: int, prefix: str) -> dict[str, Any]:
    """Suggestions request; `size` leaves room to drop duplicate labels."""
    return {
        "query": autocomplete_query(q),
        "indices_boost": [{f"{prefix}-{e}": b} for e, b in AUTOCOMPLETE_INDEX_BOOST.items()],
        "size": size,
        "source_includes": SOURCE,
        "highlight": highlight(q, PREFIX_FIELD),
    }


def plain_label_body(q: str, size: int) -> dict[str, Any]:
    """Reference request: a plain BM25 match on the label, no boosts, no vectors (the
    evaluation's baseline and the benchmark's cost yardstick)."""
    return {"query": {"match": {"libelle": q}}, "size": size, "source_includes": SOURCE}


def by_ids_body(q: str, ids: list[str]) -> dict[str, Any]:
    """These documents, with the query's words highlighted as in a search."""
    return {
        "query": {"ids": {"values": ids}},
        "size": len(ids),
        "source_includes": SOURCE,
        "highlight": highlight(q),
    }
