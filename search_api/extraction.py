"""Free text -> ROME compétences, each with the words of the text that justify it.

Recruiters and conseillers name the compétences of a métier, and a text says which métier it
describes far more reliably than any one of its clauses says which compétence. So extraction
first finds the fiches the text most likely describes (weighted RRF of five rankings: its e5
vector against the fiches and against the appellations, BM25 of the text on the fiche texts and
on the appellations, and the fiches listing the labels its clauses' words find), then ranks the
items of those fiches, and any label whose words a clause contains, on an absolute scale in
[0, 1]:

    score = (TEXT_WEIGHT * overlap + METIER_WEIGHT * membership + GIST_WEIGHT * gist) / sum

times OUTSIDE for a label none of the likely fiches lists, and SAVOIR_ETRE for a savoir-être.

`overlap` is the best share of the label's content words one affirmative clause has (folded,
5-letter stems); `membership` weighs the likely fiches that list the item by their rank, three
times where it is coeur de métier; `gist` rescales the cosine of the text and the label from
[GIST_FLOOR, GIST_CEILING] to [0, 1]. A label with a word the text denies and does not affirm
elsewhere ("je n'ai jamais encadré d'équipe") is dropped. Evidence is the words the label
shares with the text or, for a compétence the text implies through its métier, the words of the
text that name that métier.
"""

import asyncio
import math
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from spacy.language import Language

from search_api import queries
from search_api.clauses import Clause, Reading, read_text
from search_api.errors import EngineUnavailableError
from search_api.service import SearchService, guarded

# Tuned on the dev ads (recall@10, stable across both halves); the métier weighs most: a text
# says which métier it describes better than which of its compétences it means.
TEXT_WEIGHT = 1.0
METIER_WEIGHT = 4.0
GIST_WEIGHT = 0.5
OUTSIDE = 0.8  # factor on a label no likely fiche lists: found by its words alone
# Savoirs-être professionnels ("Avoir l'esprit d'équipe") are qualities every fiche lists, not
# activities a text shows; recruiters never label them as compétences. They come after.
SAVOIR_ETRE = 0.6
# e5-small cosines of a whole text and a compétence label: ~0.75 unrelated, ~0.9 very close.
GIST_FLOOR = 0.75
GIST_CEILING = 0.90
LIKELY_FICHES = 6  # fiches whose items are ranked
RANK_DECAY = 0.5  # fiche of rank r weighs 1 / r ** RANK_DECAY
COEUR_BONUS = 2.0  # an item at the heart of a fiche weighs 1 + COEUR_BONUS there
LIKELY_DEPTH = 10  # fiches per ranking fused to choose them
APPELLATION_DEPTH = 30  # appellations searched to rank their fiches
# Rankings fused to choose the fiches: the text's vector against the fiches, BM25 on the fiche
# texts, fiches listing the labels the clauses' words find, and the fiches of the appellations
# nearest to the text by vector and by BM25. Tuned on the dev ads (both halves agree).
RANKING_WEIGHTS = (1.0, 0.5, 0.5, 0.5, 0.5)
FUSION_K = 10  # RRF constant: low, so a first rank outweighs presence in several rankings
LEXICAL_PER_CLAUSE = 20  # labels a clause's words find across all compétences and savoirs
TEXT_CHARS = 1000  # the start of the text names the job; the encoder reads ~500 tokens at most
STEM = 5  # letters compared: "encadrais"/"encadrement" -> "encad"
ENTITIES = ("competences", "savoirs")
SOURCE = ["libelle", "nature", "categorie", "macro", "enjeu", "fiche_count"]
FICHE_SOURCE = [
    "libelle",
    "appellations.libelle",
    "competence_codes",
    "coeur_codes",
    "savoir_codes",
    "macro_codes",
]
USED = {"range": {"fiche_count": {"gte": 1}}}  # no fiche uses it: it leads to no métier
# Label words that say nothing about the activity ("Réaliser les opérations de ..."), and
# function words; compared as stems like everything else.
GENERIC_WORDS = (
    "realiser effectuer assurer mettre mise oeuvre gerer suivre definir procedure technique "
    "operation activite action regle selon besoin donnee etablir"
)
STOP_WORDS = (
    "le la les un une des du de d l a au aux et ou en dans sur par pour avec sans son sa ses "
    "leur leurs ce cette ces se s"
)
GENERIC_STEMS = frozenset(w[:STEM] for w in GENERIC_WORDS.split())
STOP_SET = frozenset(STOP_WORDS.split())

Spans = list[tuple[int, int]]


@dataclass(frozen=True)
class Fiche:
    """A fiche the text likely describes, with what it lists."""

    code: str
    libelle: str
    items: frozenset[str]
    coeur: frozenset[str]
    words: frozenset[str]  # stems of its title and appellations


@dataclass
class Found:
    """A compétence or savoir recognised in the text."""

    entity: str
    code: str
    source: dict[str, Any]
    score: float
    evidence: Spans
    fiche: Fiche | None  # the likeliest fiche listing it, when the text implies it that way


def fold(word: str) -> str:
    """Lowercase without accents: "Équipe" -> "equipe"."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words_of(text: str) -> list[str]:
    """Folded alphanumeric words: "Mise en rayon" -> ["mise", "en", "rayon"]."""
    return "".join(c if c.isalnum() else " " for c in fold(text)).split()


def stems_of(text: str) -> set[str]:
    """Content-word stems of a text; stop words dropped."""
    return {w[:STEM] for w in words_of(text) if w not in STOP_SET and len(w) > 1}


def label_stems(label: str) -> set[str]:
    """Content-word stems of a label; generic verbs dropped too, unless nothing else is left."""
    stems = stems_of(label)
    return stems - GENERIC_STEMS or stems


def clause_stems(clause: Clause) -> dict[str, Spans]:
    """Stem of each content lemma and the spans of the words that gave it."""
    stems: dict[str, Spans] = {}
    for start, end, lemma in clause.tokens:
        for word in words_of(lemma):
            stems.setdefault(word[:STEM], []).append((start, end))
    return stems


def overlap(wanted: set[str], clauses: list[dict[str, Spans]]) -> tuple[float, Spans]:
    """Best share of the wanted stems one clause has, and the spans of the shared words."""
    best, spans = 0.0, []
    for stems in clauses:
        shared = wanted & stems.keys()
        share = len(shared) / len(wanted) if wanted else 0.0
        if share > best:
            best, spans = share, sorted({span for s in shared for span in stems[s]})
    return best, spans


def denied_stems(clauses: list[Clause]) -> set[str]:
    """Stems of the negated clauses that no affirmative clause uses as well."""
    stems = {s for c in clauses if c.negated for s in clause_stems(c)}
    return stems - {s for c in clauses if not c.negated for s in clause_stems(c)}


def gist(cosine: float) -> float:
    """Cosine of the text and a label rescaled to [0, 1] between the floor and the ceiling."""
    return min(1.0, max(0.0, (cosine - GIST_FLOOR) / (GIST_CEILING - GIST_FLOOR)))


def membership(code: str, fiches: list[Fiche]) -> tuple[float, Fiche | None]:
    """How much the likely fiches list the item, in [0, 1], and the likeliest one that does."""
    total = got = 0.0
    first = None
    for rank, fiche in enumerate(fiches, start=1):
        weight = rank**-RANK_DECAY
        total += weight * (1 + COEUR_BONUS)
        if code in fiche.items:
            got += weight * (1 + COEUR_BONUS * (code in fiche.coeur))
            first = first or fiche
    return (got / total if total else 0.0), first


def score(text_share: float, metier: float, cosine: float) -> float:
    """The calibrated score of one item."""
    weighted = TEXT_WEIGHT * text_share + METIER_WEIGHT * metier + GIST_WEIGHT * gist(cosine)
    calibrated = weighted / (TEXT_WEIGHT + METIER_WEIGHT + GIST_WEIGHT)
    return calibrated if metier > 0 else calibrated * OUTSIDE


def lexical_body(clause: Clause) -> dict[str, Any]:
    """Lemmas of the clause against the labels: most words, phrase order as a bonus."""
    text = " ".join(clause.lemmas)
    return {
        "size": LEXICAL_PER_CLAUSE,
        "_source": ["fiches.code"],
        "query": {
            "bool": {
                "should": [
                    {"match": {"libelle": {"query": text, "minimum_should_match": "2<60%"}}},
                    {"match_phrase": {"libelle": {"query": text, "slop": 2, "boost": 2.0}}},
                ],
                "minimum_should_match": 1,
                "filter": [USED],
            }
        },
    }


def fiche_searches(
    service: SearchService, vector: list[float], text: str
) -> list[tuple[str, dict[str, Any]]]:
    """(index, body) of the searches that rank fiches: fiches by vector and by BM25, then
    appellations by vector and by BM25."""
    appellation_source = {"_source": ["fiche.code"], "size": APPELLATION_DEPTH}
    return [
        (
            service.alias("fiches"),
            {
                "size": LIKELY_DEPTH,
                "_source": False,
                "knn": queries.knn_clause(vector, LIKELY_DEPTH, queries.Filters()),
            },
        ),
        (
            service.alias("fiches"),
            {
                "size": LIKELY_DEPTH,
                "_source": False,
                "query": {"multi_match": {"query": text, "fields": list(queries.FICHE_FIELDS)}},
            },
        ),
        (
            service.alias("appellations"),
            {
                **appellation_source,
                "knn": queries.knn_clause(vector, APPELLATION_DEPTH, queries.Filters()),
            },
        ),
        (
            service.alias("appellations"),
            {**appellation_source, "query": {"match": {"libelle": text}}},
        ),
    ]


def fiches_of_appellations(answer: dict[str, Any]) -> list[str]:
    """Fiches of the appellations found, in order, each once."""
    return list(dict.fromkeys(h["_source"]["fiche"]["code"] for h in _hits(answer)))


def fiches_of_labels(answers: list[dict[str, Any]]) -> list[str]:
    """Fiches listing the labels the clauses' words found: a vote per hit, 1 / rank, shared
    by the square root of the fiches using the label (common labels say little)."""
    votes: dict[str, float] = {}
    for answer in answers:
        for rank, hit in enumerate(_hits(answer), start=1):
            users = hit["_source"].get("fiches", [])
            for fiche in users:
                votes[fiche["code"]] = votes.get(fiche["code"], 0.0) + 1 / (
                    rank * math.sqrt(len(users))
                )
    return sorted(votes, key=lambda code: -votes[code])


def fuse(rankings: list[list[str]], weights: Sequence[float]) -> list[str]:
    """Weighted reciprocal rank fusion of the first LIKELY_DEPTH of each ranking."""
    return list(queries.rrf([r[:LIKELY_DEPTH] for r in rankings], FUSION_K, weights))


def fiche_of(code: str, source: dict[str, Any]) -> Fiche:
    """A likely fiche from its document."""
    names = [source.get("libelle", "")]
    names += [a.get("libelle", "") for a in source.get("appellations", [])]
    return Fiche(
        code=code,
        libelle=source.get("libelle", ""),
        items=frozenset(
            c
            for key in ("competence_codes", "savoir_codes", "macro_codes")
            for c in source.get(key, [])
        ),
        coeur=frozenset(source.get("coeur_codes", [])),
        words=frozenset(s for name in names for s in stems_of(name)),
    )


class Extractor:
    """Recognises compétences in a text with the API's indices and query encoder."""

    def __init__(self, service: SearchService, nlp: Language) -> None:
        self.service = service
        self.nlp = nlp

    async def read(self, text: str) -> Reading:
        """Clauses of the text (spaCy runs in a worker thread: it is CPU-bound)."""
        return await asyncio.to_thread(read_text, self.nlp, text)

    async def extract(self, text: str, clauses: list[Clause]) -> list[Found]:
        """Compétences and savoirs of the affirmative clauses and of their métier, best first."""
        # One search per distinct activity: repeated bullet lines add nothing but cost.
        unique = {c.lemmas: c for c in reversed(clauses) if not c.negated and c.lemmas}
        active = sorted(unique.values(), key=lambda c: c.start)
        if not active:
            return []
        affirmative = affirmative_text(text, clauses)
        vector = await self.service.encoder.encode(affirmative)
        index = ",".join(self.service.alias(e) for e in ENTITIES)
        searches: list[dict[str, Any]] = []
        for target, body in fiche_searches(self.service, vector, affirmative):
            searches += [{"index": target}, body]
        for clause in active:
            searches += [{"index": index}, lexical_body(clause)]
        answers = (await guarded(self.service.es.msearch(searches=searches)))["responses"]
        fiche_knn, fiche_bm25, appellation_knn, appellation_bm25, *lexical = answers
        rankings = [
            [h["_id"] for h in _hits(fiche_knn)],
            [h["_id"] for h in _hits(fiche_bm25)],
            fiches_of_labels(lexical),
            fiches_of_appellations(appellation_knn),
            fiches_of_appellations(appellation_bm25),
        ]
        fiches = await self.fiches(fuse(rankings, RANKING_WEIGHTS))
        codes = {c for f in fiches for c in f.items}
        codes |= {h["_id"] for answer in lexical for h in _hits(answer)}
        if not codes:
            return []
        response = await guarded(
            self.service.es.search(
                index=index,
                size=len(codes),
                source_includes=SOURCE,
                knn={
                    "field": "vector",
                    "query_vector": vector,
                    "k": len(codes),
                    "num_candidates": len(codes),
                    "filter": {"ids": {"values": sorted(codes)}},
                },
            )
        )
        said = [clause_stems(c) for c in active]
        denied = denied_stems(clauses)
        found = []
        for hit in response["hits"]["hits"]:
            wanted = label_stems(hit["_source"]["libelle"])
            if wanted & denied:
                continue  # the text denies one of its words: "je n'ai jamais encadré d'équipe"
            share, spans = overlap(wanted, said)
            metier, fiche = membership(hit["_id"], fiches)
            if not spans and fiche is not None:
                spans = overlap(set(fiche.words), said)[1]
            cosine = 2 * float(hit["_score"]) - 1
            quality = hit["_source"].get("categorie") == "Savoir-être professionnel"
            found.append(
                Found(
                    entity=self.service.entity_of(hit["_index"]),
                    code=hit["_id"],
                    source=hit["_source"],
                    score=score(share, metier, cosine) * (SAVOIR_ETRE if quality else 1.0),
                    evidence=spans or [(active[0].start, active[0].end)],
                    fiche=fiche if share == 0 else None,
                )
            )
        return sorted(found, key=lambda f: -f.score)

    async def fiches(self, ranked: list[str]) -> list[Fiche]:
        """The first LIKELY_FICHES of the ranked codes, with what they list."""
        if not ranked:
            return []
        docs = await guarded(
            self.service.es.mget(
                index=self.service.alias("fiches"),
                ids=ranked[:LIKELY_FICHES],
                source_includes=FICHE_SOURCE,
            )
        )
        return [fiche_of(d["_id"], d["_source"]) for d in docs["docs"] if d.get("found")]


def profile_of(found: list[Found]) -> tuple[dict[str, float], dict[str, str]]:
    """Macro weights (best confidence of their compétences) and labels, from extraction."""
    profile: dict[str, float] = {}
    labels: dict[str, str] = {}
    for item in found:
        macro = item.source.get("macro")
        if macro:
            code = macro["code_ogr"]
            profile[code] = max(profile.get(code, 0.0), item.score)
            labels[code] = macro["libelle"]
    return profile, labels


def affirmative_text(text: str, clauses: list[Clause]) -> str:
    """The text without its negated clauses, cut to TEXT_CHARS."""
    kept = [c.text for c in clauses if not c.negated]
    return " ".join(kept)[:TEXT_CHARS] if kept else text[:TEXT_CHARS]


def _hits(answer: dict[str, Any]) -> list[dict[str, Any]]:
    if "error" in answer:
        reason = (
            answer["error"].get("reason", answer["error"])
            if isinstance(answer["error"], dict)
            else answer["error"]
        )
        raise EngineUnavailableError(f"compétence search failed: {reason}")
    hits: list[dict[str, Any]] = answer["hits"]["hits"]
    return hits
