"""Every Elasticsearch body the search box, lookups and autocomplete send: pure functions.

User text only ever goes into `match`-family queries (analysed, never parsed as query syntax),
so no input can make a query fail to parse.
"""

import json
import re
from collections.abc import Collection
from typing import Any

from mappings import suggestions_of
from ranking.text import WORD, fold, words
from search_api.common.facets import FACET_SIZE, FacetFields, Filters, post_filter

# Lexical boosts, from strongest to weakest evidence.
EXACT_BOOST = 8.0  # the whole label typed as is (case and accents folded)
PHRASE_BOOST = 4.0  # the words in the label's order
STEMMED_BOOST = 2.0  # every word matches after French analysis and synonyms
PREFIX_BOOST = 1.5  # every word matches the start of label words (as-you-type)
MOST_WORDS_BOOST = 1.0  # most words match: long titles with words no label has
ANY_WORD_BOOST = 0.3  # any word matches: titles padded with places, contracts, team names
FUZZY_BOOST = 0.5  # every word matches within an edit distance: typos, last resort
FUZZY_BELOW = 3  # first-pass matches under which the query is read again allowing typos
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
FACET_NAMES = (*FACETS, TYPE_FACET)  # every facet the search box can count
# What the search page shows, and /v1/search counts unless told otherwise: every facet but the
# domaine professionnel (the grand domaine above it narrows a search enough).
DEFAULT_FACETS = (
    "grand_domaine",
    "secteur",
    "centre_interet",
    "transition",
    "emploi_reglemente",
    "emploi_cadre",
    TYPE_FACET,
)
UNDER_SELECTIONS = "under_selections_"  # name of an aggregation holding facets it filters
TOTAL_BOUND = 10_000  # matches counted exactly when no facet is; more than any page needs

# Gender markers of French job ads ("H/F", "(F/H)", "H/F/X") say nothing about the job.
GENDER_MARKER = re.compile(r"[(\[]?\b[HFX]\s*/\s*[HFX](?:\s*/\s*[HFX])?\b[)\]]?", re.IGNORECASE)


def clean_query(q: str) -> str:
    """The query without gender markers; unchanged if nothing else would remain."""
    cleaned = " ".join(GENDER_MARKER.sub(" ", q).split())
    return cleaned or q.strip() or q


def _multi(q: str, fields: tuple[str, ...], boost: float, **options: object) -> dict[str, Any]:
    return {"multi_match": {"query": q, "fields": list(fields), "boost": boost, **options}}


def text_clauses(q: str, fields: tuple[str, ...], *, fuzzy: bool = False) -> list[dict[str, Any]]:
    """The should-clauses matching the query text, strongest evidence first; with `fuzzy`,
    words within an edit distance too (the fallback when the words alone find little)."""
    clauses = [
        {"match": {EXACT_FIELD: {"query": q, "boost": EXACT_BOOST}}},
        _multi(q, fields, PHRASE_BOOST, type="phrase"),
        _multi(q, fields, STEMMED_BOOST, type="best_fields", operator="and"),
        {"match": {PREFIX_FIELD: {"query": q, "operator": "and", "boost": PREFIX_BOOST}}},
        _multi(q, fields, MOST_WORDS_BOOST, type="best_fields", minimum_should_match=MOST_WORDS),
        _multi(q, fields, ANY_WORD_BOOST, type="best_fields"),
    ]
    if fuzzy:
        clauses.append(fuzzy_clause(q, tuple(f.split("^")[0] for f in fields[:2])))
    return clauses


def fuzzy_clause(q: str, fields: tuple[str, ...]) -> dict[str, Any]:
    """Every word within an edit distance of a label word: typos. Its term expansions cost
    four times the rest of the query, hence a second pass only (`found_little`)."""
    # Typos rarely hit the first two letters; fixing them and capping the expansions
    # bounds the cost of that pass.
    return _multi(
        q, fields, FUZZY_BOOST, fuzziness="AUTO", prefix_length=2, max_expansions=10, operator="and"
    )


def found_little(response: dict[str, Any]) -> bool:
    """True when a first pass without typos allowed found too few documents to stand."""
    return int(response["hits"]["total"]["value"]) < FUZZY_BELOW


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


def lexical_query(q: str, entities: tuple[str, ...], *, fuzzy: bool = False) -> dict[str, Any]:
    """Multi-field French matching over the given entities; filters go in `post_filter`."""
    fields = tuple(dict.fromkeys(f for t in entities for f in TEXT_FIELDS[t]))
    should = text_clauses(q, fields, fuzzy=fuzzy)
    return preferred({"bool": {"should": should, "minimum_should_match": 1}})


def knn_clause(vector: list[float], k: int, filters: Filters) -> dict[str, Any]:
    """Nearest label vectors, with every facet selection applied before the search."""
    clause: dict[str, Any] = {
        "field": "vector",
        "query_vector": vector,
        "k": k,
        "num_candidates": max(100, 4 * k),  # HNSW candidates per shard: 100 gave recall@10 0.97
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


def facet_terms(name: str) -> dict[str, Any]:
    """The terms aggregation counting one facet's values (with their label where it has one)."""
    if name == TYPE_FACET:
        return {"terms": {"field": "_index", "size": TYPES_SIZE}}
    value_field, label_field = FACETS[name]
    terms: dict[str, Any] = {"terms": {"field": value_field, "size": FACET_SIZE}}
    if label_field:
        terms["aggs"] = {"label": {"terms": {"field": label_field, "size": 1}}}
    return terms


def search_aggs(filters: Filters, names: Collection[str]) -> dict[str, Any]:
    """The facets asked for, each counted under every selection but its own (multi-select).

    A `filter` aggregation costs about as much as the terms under it, so facets counted under
    the same selections share one, and a facet no other selection constrains needs none: with
    nothing selected, the facets are plain terms aggregations."""
    out: dict[str, Any] = {}
    groups: dict[str, dict[str, Any]] = {}
    for name in names:
        clauses = filters.clauses() if name == TYPE_FACET else filters.clauses(skip=name)
        if not clauses:
            out[name] = facet_terms(name)
            continue
        group = groups.setdefault(
            json.dumps(clauses, sort_keys=True),
            {"filter": {"bool": {"filter": clauses}}, "aggs": {}},
        )
        group["aggs"][name] = facet_terms(name)
    for number, group in enumerate(groups.values()):
        out[f"{UNDER_SELECTIONS}{number}"] = group
    return out


def facet_results(aggs: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Each facet's terms result by name, out of the filter it shared (the shape
    `facet_counts` reads: name -> {"values": buckets})."""
    out: dict[str, dict[str, Any]] = {}
    for name, result in aggs.items():
        if name.startswith(UNDER_SELECTIONS):
            out |= {n: {"values": r} for n, r in result.items() if isinstance(r, dict)}
        else:
            out[name] = {"values": result}
    return out


def lexical_body(
    q: str,
    entities: tuple[str, ...],
    filters: Filters,
    size: int,
    *,
    facets: Collection[str] = (),
    fuzzy: bool = False,
) -> dict[str, Any]:
    """The lexical leg: hits with highlights and their total, and the facets asked for.

    Counting facets visits every match anyway, so the total is then exact; without facets it
    stops at TOTAL_BOUND, which lets the engine skip the matches that cannot make the page."""
    body: dict[str, Any] = {
        "query": lexical_query(q, entities, fuzzy=fuzzy),
        "size": size,
        "source_includes": SOURCE,
        "track_total_hits": True if facets else TOTAL_BOUND,
    }
    if size:
        body["highlight"] = highlight(q)
    if facets:
        body["aggs"] = search_aggs(filters, facets)
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
TYPED_BOOST = 3.0  # every typed word starts a label word
# Job titles are what people type in the box; compétences complete the list.
AUTOCOMPLETE_INDEX_BOOST = {"appellations": 2.0, "fiches": 1.5, "competences": 1.0}
# The companion indices answering first: each label, and each from a later word on, as
# completion inputs weighed at indexing time (mappings/suggestions.json).
COMPLETION_TYPES = tuple(suggestions_of(e) for e in AUTOCOMPLETE_TYPES)
SUGGEST_FIELD = "suggest"
SUGGESTION = "typed"  # name of the one suggestion in a completion request
COMPLETION_SOURCE = ["libelle", "fiche"]
TYPO_FUZZINESS = "AUTO:4,8"  # no typo under 4 letters, one under 8, then two


def autocomplete_query(q: str) -> dict[str, Any]:
    """As-you-type: prefix match on every word, in any order, exact titles first."""
    typed = [
        {"match": {PREFIX_FIELD: {"query": q, "operator": "and", "boost": TYPED_BOOST}}},
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
        "track_total_hits": False,  # suggestions need no count
    }


def complete_body(q: str, size: int, *, fuzzy: bool = False) -> dict[str, Any]:
    """Completion request: the heaviest autocomplete inputs (weighed at indexing time,
    `indexer/suggestions.py`) that start with the letters typed, each document once; with
    `fuzzy`, within an edit or two of them (the last pass, when the letters as typed
    suggest too little)."""
    completion: dict[str, Any] = {"field": SUGGEST_FIELD, "size": size}
    if fuzzy:
        completion["fuzzy"] = {"fuzziness": TYPO_FUZZINESS}  # first letter kept, as typed
    return {
        "suggest": {SUGGESTION: {"prefix": q, "completion": completion}},
        "size": 0,  # no hits: the suggestions carry their documents
        # What a suggestion shows, not its inputs (which weigh as much again to send and parse).
        "_source": COMPLETION_SOURCE,
        # Indices built before autocomplete had its own are skipped: the word-prefix query
        # then answers alone, until the next `metierscope index`.
        "ignore_unavailable": True,
    }


def word_pass_may_add(q: str, completed: int | None) -> bool:
    """Whether the word-prefix pass can add to `completed` suggestions of the completion
    pass (None: no autocomplete index answered, so that pass answers alone). Every word of
    every label (but articles and prepositions) starts a completion input, so one typed word
    that completes nothing starts no label word either: on the bench's prefixes, that pass
    then found something for 21 of 484 such words, all noise ("maçon(ne" -> "Nettoyer un
    support maçonné"). Several words may still match out of order."""
    return completed is None or completed > 0 or len(q.split()) > 1


def completion_options(response: dict[str, Any]) -> list[dict[str, Any]] | None:
    """The suggestions of a completion response; None when no autocomplete index answered."""
    if "suggest" not in response:
        return None
    return [o for entry in response["suggest"].get(SUGGESTION, []) for o in entry["options"]]


def word_highlight(label: str, q: str) -> str | None:
    """The label with every word that starts with a typed word in <em>, as the engine's
    highlighter marks the prefix field (label unescaped, as the engine gives it); None
    when no word is marked."""
    typed = words(q)
    pieces, last = [], 0
    for word in WORD.finditer(label):
        if any(fold(word.group()).startswith(t) for t in typed):
            pieces += [label[last : word.start()], "<em>", word.group(), "</em>"]
            last = word.end()
    return "".join([*pieces, label[last:]]) if pieces else None


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
