"""Every Elasticsearch request body the API sends, built by small pure functions.

Routes and services never assemble query dicts themselves. User text only ever goes into
`match`-family queries (analysed, never parsed as query syntax), so no input can make a query
fail to parse.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

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

# Appellation preferences at equal relevance.
PRINCIPALE_BOOST = 1.0  # the fiche's own title over its synonyms
PEU_USITE_FACTOR = 0.5  # rarely used titles sink below common ones

# Facets: name -> (field holding the value, field holding the label or None).
FACETS: dict[str, tuple[str, str | None]] = {
    "grand_domaine": ("grand_domaine.code", "grand_domaine.libelle.raw"),
    "domaine_professionnel": ("domaine_professionnel.code", "domaine_professionnel.libelle.raw"),
    "secteur": ("secteurs.code", "secteurs.libelle.raw"),
    "centre_interet": ("centres_interet.code", "centres_interet.libelle.raw"),
    "transition": ("transitions", None),
    "emploi_reglemente": ("emploi_reglemente", None),
    "emploi_cadre": ("emploi_cadre", None),
}
FACET_SIZE = 50  # enough for every grand domaine, secteur and centre d'intérêt


@dataclass(frozen=True)
class Filters:
    """Facet selections: several values of one facet are OR-ed, facets are AND-ed.

    `facets` maps each facet to its (value field, label field); the search box's by default."""

    selected: dict[str, tuple[str, ...]] = field(default_factory=dict)
    facets: dict[str, tuple[str, str | None]] = field(default_factory=lambda: FACETS)
    extra: tuple[dict[str, Any], ...] = ()  # filters that are not facets (dates, ...)

    def clauses(self, *, skip: str | None = None) -> list[dict[str, Any]]:
        """Filter clauses for every selected facet except `skip`, and the extra filters."""
        out = list(self.extra)
        for name, values in sorted(self.selected.items()):
            if name != skip and values:
                out.append({"terms": {self.facets[name][0]: list(values)}})
        return out

    @property
    def active(self) -> bool:
        """True if any facet value or extra filter is selected."""
        return bool(self.extra) or any(self.selected.values())


# Gender markers of French job ads ("H/F", "(F/H)", "H/F/X") say nothing about the job.
GENDER_MARKER = re.compile(r"[(\[]?\b[HFX]\s*/\s*[HFX](?:\s*/\s*[HFX])?\b[)\]]?", re.IGNORECASE)


def clean_query(q: str) -> str:
    """The query without gender markers; unchanged if nothing else would remain."""
    cleaned = " ".join(GENDER_MARKER.sub(" ", q).split())
    return cleaned or q.strip() or q


def text_clauses(q: str, fields: tuple[str, ...]) -> list[dict[str, Any]]:
    """The should-clauses matching the query text, strongest evidence first."""
    plain = [f.split("^")[0] for f in fields[:2]]
    return [
        {"match": {EXACT_FIELD: {"query": q, "boost": EXACT_BOOST}}},
        {
            "multi_match": {
                "query": q,
                "fields": list(fields),
                "type": "phrase",
                "boost": PHRASE_BOOST,
            }
        },
        {
            "multi_match": {
                "query": q,
                "fields": list(fields),
                "type": "best_fields",
                "operator": "and",
                "boost": STEMMED_BOOST,
            }
        },
        {"match": {PREFIX_FIELD: {"query": q, "operator": "and", "boost": PREFIX_BOOST}}},
        {
            "multi_match": {
                "query": q,
                "fields": list(fields),
                "type": "best_fields",
                "minimum_should_match": MOST_WORDS,
                "boost": MOST_WORDS_BOOST,
            }
        },
        {
            "multi_match": {
                "query": q,
                "fields": list(fields),
                "type": "best_fields",
                "boost": ANY_WORD_BOOST,
            }
        },
        {
            "multi_match": {
                "query": q,
                "fields": plain,
                "fuzziness": "AUTO",
                # Typos rarely hit the first two letters; fixing them and capping the
                # expansions keeps the fuzzy clause from dominating the query cost.
                "prefix_length": 2,
                "max_expansions": 10,
                "operator": "and",
                "boost": FUZZY_BOOST,
            }
        },
    ]


def lexical_query(q: str, types: tuple[str, ...], filters: Filters) -> dict[str, Any]:
    """Multi-field French matching over the given entity types; filters go in `post_filter`."""
    fields = tuple(dict.fromkeys(f for t in types for f in TEXT_FIELDS[t]))
    matching = {"bool": {"should": text_clauses(q, fields), "minimum_should_match": 1}}
    return {
        "boosting": {
            "positive": {
                "bool": {
                    "must": [matching],
                    "should": [
                        {
                            "term": {
                                "classification": {"value": "PRINCIPALE", "boost": PRINCIPALE_BOOST}
                            }
                        }
                    ],
                }
            },
            "negative": {"term": {"peu_usite": True}},
            "negative_boost": PEU_USITE_FACTOR,
        }
    }


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


def facet_aggs(filters: Filters, *, by_type: bool = True) -> dict[str, Any]:
    """One aggregation per facet, filtered by every selection but its own (multi-select)."""
    aggs: dict[str, Any] = {}
    for name, (value_field, label_field) in filters.facets.items():
        terms: dict[str, Any] = {"terms": {"field": value_field, "size": FACET_SIZE}}
        if label_field:
            terms["aggs"] = {"label": {"terms": {"field": label_field, "size": 1}}}
        others = filters.clauses(skip=name)
        aggs[name] = {"filter": {"bool": {"filter": others}}, "aggs": {"values": terms}}
    if not by_type:
        return aggs
    aggs["type"] = {
        "filter": {"bool": {"filter": filters.clauses()}},
        "aggs": {"values": {"terms": {"field": "_index", "size": 20}}},
    }
    return aggs


def post_filter(filters: Filters) -> dict[str, Any] | None:
    """Selections applied to hits after aggregations were counted."""
    clauses = filters.clauses()
    return {"bool": {"filter": clauses}} if clauses else None


def highlight(q: str, field: str = "libelle") -> dict[str, Any]:
    """Highlight the label with a plain match of the query: highlighting the full query (fuzzy
    and prefix expansions included) cost more than the search itself."""
    return {
        "pre_tags": ["<em>"],
        "post_tags": ["</em>"],
        "fields": {field: {"number_of_fragments": 0}},
        "highlight_query": {"match": {field: q}},
    }


def rrf(
    rankings: list[list[str]], k: int, weights: Sequence[float] | None = None
) -> dict[str, float]:
    """Reciprocal rank fusion: score(d) = sum over rankings of weight / (k + rank)."""
    scores: dict[str, float] = {}
    for ranking, weight in zip(rankings, weights or [1.0] * len(rankings), strict=True):
        for rank, key in enumerate(ranking, start=1):
            scores[key] = scores.get(key, 0.0) + weight / (k + rank)
    return dict(sorted(scores.items(), key=lambda item: -item[1]))


# Autocomplete: the words typed so far must all start label words; the last word may be cut.
AUTOCOMPLETE_TYPES = ("appellations", "fiches", "competences")
STARTS_WITH_BOOST = 3.0
# Job titles are what people type in the box; compétences complete the list.
AUTOCOMPLETE_INDEX_BOOST = {"appellations": 2.0, "fiches": 1.5, "competences": 1.0}


def autocomplete_query(q: str) -> dict[str, Any]:
    """As-you-type: prefix match on every word, a fuzzy variant for typos, exact titles first."""
    typed = [
        {"match": {"libelle.prefix": {"query": q, "operator": "and", "boost": 2.0}}},
        {
            "match": {
                "libelle.prefix": {
                    "query": q,
                    "operator": "and",
                    "fuzziness": "AUTO:4,8",  # no typo allowed under 4 letters
                    "prefix_length": 1,
                }
            }
        },
        {"match": {"libelle.exact": {"query": q, "boost": EXACT_BOOST}}},
    ]
    preferred = [
        {"term": {"classification": {"value": "PRINCIPALE", "boost": PRINCIPALE_BOOST}}},
        # The label itself starts with what was typed ("boulang" -> "Boulanger ...").
        {"prefix": {"libelle.exact": {"value": q.strip().lower(), "boost": STARTS_WITH_BOOST}}},
    ]
    return {
        "boosting": {
            "positive": {
                "bool": {
                    "must": [{"bool": {"should": typed, "minimum_should_match": 1}}],
                    "should": preferred,
                }
            },
            "negative": {"term": {"peu_usite": True}},
            "negative_boost": PEU_USITE_FACTOR,
        }
    }


PROCHES_CANDIDATES = 50  # fiches fetched by shared macro count before exact re-scoring


def shared_macros_query(code_rome: str, macros: list[str]) -> dict[str, Any]:
    """Fiches ranked by how many of these macro-compétences they share (one point each)."""
    return {
        "bool": {
            "should": [
                {"constant_score": {"filter": {"term": {"macro_codes": m}}}} for m in macros
            ],
            "minimum_should_match": 1,
            "must_not": [{"ids": {"values": [code_rome]}}],
        }
    }


# Browsing entry points: name -> (code field, label field) on fiche documents.
BROWSE: dict[str, tuple[str, str]] = {
    "centres_interet": ("centres_interet.code", "centres_interet.libelle.raw"),
    "secteurs": ("secteurs.code", "secteurs.libelle.raw"),
    "sous_secteurs": ("sous_secteurs.code", "sous_secteurs.libelle.raw"),
    "grands_domaines": ("grand_domaine.code", "grand_domaine.libelle.raw"),
    "domaines_professionnels": ("domaine_professionnel.code", "domaine_professionnel.libelle.raw"),
}
BROWSE_SIZE = 200  # more than any list of entry points (110 domaines professionnels)


def entry_points_aggs(kind: str) -> dict[str, Any]:
    """The values of one browsing entry point with their label and fiche count."""
    code_field, label_field = BROWSE[kind]
    return {
        "values": {
            "terms": {"field": code_field, "size": BROWSE_SIZE, "order": {"_key": "asc"}},
            "aggs": {"label": {"terms": {"field": label_field, "size": 1}}},
        }
    }


def browse_query(letter: str | None, selected: dict[str, str]) -> dict[str, Any]:
    """Fiches métier by first letter of their title and/or one entry point value."""
    clauses: list[dict[str, Any]] = [{"term": {"fiche_type": "metier"}}]
    if letter:
        clauses.append({"prefix": {EXACT_FIELD: letter.lower()}})
    for kind, value in selected.items():
        clauses.append({"term": {BROWSE[kind][0]: value}})
    return {"bool": {"filter": clauses}}


# Territories: régions before départements before communes at equal match (people look for the
# larger area first; "Ardèche" the département, not a street-sized commune of that name).
TERRITOIRE_TYPE_BOOST = {"region": 3.0, "departement": 2.0, "commune": 1.0}
TERRITOIRE_LABELS = ("libelle.prefix", "formes.prefix")


def territoire_query(q: str, types: tuple[str, ...]) -> dict[str, Any]:
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
    return {
        "bool": {
            "must": [{"bool": {"should": matching, "minimum_should_match": 1}}],
            "should": [
                {"term": {"type": {"value": kind, "boost": boost}}}
                for kind, boost in TERRITOIRE_TYPE_BOOST.items()
            ],
            "filter": [{"terms": {"type": list(types)}}],
        }
    }


# Job offers: facets of /v1/offres/search (fiches emploi roll up to their fiche métier).
OFFER_FACETS: dict[str, tuple[str, str | None]] = {
    "region": ("region.code", "region.libelle.raw"),
    "departement": ("departement.code", "departement.libelle.raw"),
    "commune": ("commune.code", "commune.libelle.raw"),
    "code_rome": ("parent.code", "parent.libelle.raw"),
    "type_contrat": ("type_contrat", "type_contrat_libelle"),
    "secteur": ("secteur.code", "secteur.libelle.raw"),
}
PUBLISHED_WITHIN_DAYS = (1, 3, 7, 14, 31)  # the France Travail "publiée depuis" choices


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
    return {
        "bool": {
            "should": [
                {"match": {"intitule.exact": {"query": q, "boost": EXACT_BOOST}}},
                {"match_phrase": {"intitule": {"query": q, "boost": PHRASE_BOOST}}},
                {"match": {"intitule": {"query": q, "operator": "and", "boost": STEMMED_BOOST}}},
                {
                    "match": {
                        "intitule.prefix": {"query": q, "operator": "and", "boost": PREFIX_BOOST}
                    }
                },
                {"match": {"intitule": {"query": q, "minimum_should_match": MOST_WORDS}}},
                {"match": {"appellation.libelle": {"query": q, "operator": "and"}}},
                {
                    "match": {
                        "description": {
                            "query": q,
                            "minimum_should_match": MOST_WORDS,
                            "boost": ANY_WORD_BOOST,
                        }
                    }
                },
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


MARKET_WEEKS = 12  # weekly trend window
MARKET_SECTEURS = 5


def market_aggs() -> dict[str, Any]:
    """Offers of a fiche: count, contracts, salary quartiles, top secteurs, weekly trend."""
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
            "filter": {"range": {"date_creation": {"gte": f"now-{MARKET_WEEKS}w/w"}}},
            "aggs": {
                "values": {
                    "date_histogram": {
                        "field": "date_creation",
                        "calendar_interval": "week",
                        "min_doc_count": 0,
                        "extended_bounds": {"min": f"now-{MARKET_WEEKS}w/w", "max": "now/w"},
                    }
                }
            },
        },
    }


def market_body(code_rome: str, territory: dict[str, Any] | None) -> dict[str, Any]:
    """One request: the fiche's offers nationally and, if asked, in one territory."""
    fiche = {
        "bool": {
            "should": [
                {"term": {"fiche.code": code_rome}},
                {"term": {"parent.code": code_rome}},
            ],
            "minimum_should_match": 1,
        }
    }
    aggs: dict[str, Any] = {"national": {"filter": {"match_all": {}}, "aggs": market_aggs()}}
    if territory is not None:
        aggs["territoire"] = {"filter": territory, "aggs": market_aggs()}
    return {"query": fiche, "size": 0, "aggs": aggs, "track_total_hits": True}


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
    }
    if text:
        hits["highlight"] = highlight(text, "intitule")
    else:
        hits["sort"] = [{"date_creation": {"order": "desc", "missing": "_last"}}]
    aggs = facet_aggs(filters, by_type=False)
    aggs["publiee_depuis"] = published_aggs(filters)
    facets = {"query": query, "size": 0, "aggs": aggs, "request_cache": True}
    return hits, facets
