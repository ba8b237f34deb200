"""Free text -> ROME compétences, each with the words of the text that justify it.

Each clause is searched twice in one `_msearch`: lexically on its lemmas, semantically on its
words (e5 query vector). The candidates of both legs are scored on an absolute scale, so that
scores of different clauses compare and one threshold means the same everywhere:

    score = (SEMANTIC_WEIGHT * semantic + LEXICAL_WEIGHT * overlap) * prior

`semantic` rescales the cosine similarity of the clause and the label from [COSINE_FLOOR,
COSINE_CEILING] to [0, 1]; `overlap` is the share of the label's content words the clause has
(after folding and a 5-letter stem); `prior` favours compétences many fiches use. A second pass
searches, per clause, only the compétences of the fiches the whole text most likely describes,
and lifts their scores COHERENCE_LIFT of the way to 1 (the order among them is kept, no cap
ties them). A compétence found by several clauses
keeps its best score and the evidence of the clauses close to it.
"""

import asyncio
import math
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from spacy.language import Language

from search_api import matching, queries
from search_api.clauses import Clause, Reading, read_text
from search_api.errors import EngineUnavailableError
from search_api.service import SearchService, guarded

SEMANTIC_WEIGHT = 0.65
LEXICAL_WEIGHT = 0.35
# e5-small cosines of a clause and a compétence label: ~0.78 unrelated, ~0.92 near paraphrase.
COSINE_FLOOR = 0.78
COSINE_CEILING = 0.93
CANDIDATES_PER_LEG = 20  # per clause and leg; the union is re-scored
# Compétences many fiches use are what people (and recruiters) name; one-fiche variants are
# rarely meant. usage = log(1 + fiches) / log(1 + USAGE_CAP), at most 1, weighs PRIOR_WEIGHT.
PRIOR_WEIGHT = 0.3
USAGE_CAP = 30
STEM = 5  # letters compared: "encadrais"/"encadrement" -> "encad"
ENTITIES = ("competences", "savoirs")
SOURCE = ["libelle", "nature", "categorie", "macro", "enjeu", "fiche_count"]
USED = {"range": {"fiche_count": {"gte": 1}}}  # no fiche uses it: it leads to no métier
PROFILE_THRESHOLD = 0.45  # first-pass matches trusted to point at métiers
LIKELY_FICHES = 3  # fiches whose compétences the second pass searches
COHERENCE_LIFT = 0.6  # compétences of those fiches: the text's métier uses them
LIKELY_DEPTH = 10  # fiches per ranking fused to choose them
TEXT_CHARS = 1000  # BM25 on the start of the text, which names the job
HEAD_CHARS = 250  # encoded whole as well: the opening usually says what the job was
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
EVIDENCE_MARGIN = 0.1  # clauses scoring within this of the best one also give evidence


@dataclass
class Found:
    """A compétence recognised in the text: its score in each clause that found it."""

    entity: str
    code: str
    source: dict[str, Any]
    by_clause: list[tuple[float, list[tuple[int, int]]]] = field(default_factory=list)

    @property
    def score(self) -> float:
        """The best clause's score."""
        return max(score for score, _ in self.by_clause)

    @property
    def evidence(self) -> list[tuple[int, int]]:
        """Spans of the clauses scoring close to the best, in text order."""
        best = self.score
        return sorted(
            {span for s, spans in self.by_clause if s >= best - EVIDENCE_MARGIN for span in spans}
        )


def fold(word: str) -> str:
    """Lowercase without accents: "Équipe" -> "equipe"."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def label_stems(label: str) -> set[str]:
    """Content-word stems of a label; generic verbs and stop words dropped."""
    words = "".join(c if c.isalnum() else " " for c in fold(label)).split()
    stems = {w[:STEM] for w in words if w not in STOP_SET and len(w) > 1}
    return stems - GENERIC_STEMS or stems


def clause_stems(clause: Clause) -> dict[str, list[tuple[int, int]]]:
    """Stem of each content lemma and the spans of the words that gave it."""
    stems: dict[str, list[tuple[int, int]]] = {}
    for start, end, lemma in clause.tokens:
        for word in "".join(c if c.isalnum() else " " for c in fold(lemma)).split():
            stems.setdefault(word[:STEM], []).append((start, end))
    return stems


def semantic_part(cosine: float) -> float:
    """Cosine rescaled to [0, 1] between the floor and the ceiling."""
    return min(1.0, max(0.0, (cosine - COSINE_FLOOR) / (COSINE_CEILING - COSINE_FLOOR)))


def usage(fiche_count: int) -> float:
    """How common a compétence is across fiches, in [0, 1]."""
    return min(1.0, math.log1p(fiche_count) / math.log1p(USAGE_CAP))


def score_candidate(
    cosine: float, label: str, fiche_count: int, stems: dict[str, list[tuple[int, int]]]
) -> tuple[float, list[tuple[int, int]]]:
    """Calibrated score of one label for one clause, and the spans of the shared words."""
    wanted = label_stems(label)
    shared = wanted & stems.keys()
    overlap = len(shared) / len(wanted) if wanted else 0.0
    spans = sorted({span for s in shared for span in stems[s]})
    match = SEMANTIC_WEIGHT * semantic_part(cosine) + LEXICAL_WEIGHT * overlap
    return match * (1 - PRIOR_WEIGHT + PRIOR_WEIGHT * usage(fiche_count)), spans


def lexical_body(clause: Clause) -> dict[str, Any]:
    """Lemmas of the clause against the labels: most words, phrase order as a bonus."""
    text = " ".join(clause.lemmas)
    return {
        "size": CANDIDATES_PER_LEG,
        "_source": SOURCE,
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


def knn_body(vector: list[float], fiches: list[str] | None = None) -> dict[str, Any]:
    """Nearest compétence and savoir labels to the clause (of these fiches, if given)."""
    used: dict[str, Any] = {"terms": {"fiches.code": fiches}} if fiches else USED
    return {
        "size": CANDIDATES_PER_LEG,
        "_source": SOURCE,
        "knn": {
            "field": "vector",
            "query_vector": vector,
            "k": CANDIDATES_PER_LEG,
            "num_candidates": 200,
            "filter": used,
        },
    }


class Extractor:
    """Recognises compétences in a text with the API's indices and query encoder."""

    def __init__(self, service: SearchService, nlp: Language) -> None:
        self.service = service
        self.nlp = nlp

    async def read(self, text: str) -> Reading:
        """Clauses of the text (spaCy runs in a worker thread: it is CPU-bound)."""
        return await asyncio.to_thread(read_text, self.nlp, text)

    async def extract(self, text: str, clauses: list[Clause]) -> list[Found]:
        """Compétences and savoirs found in the affirmative clauses, best first.

        First pass: every compétence and savoir, per clause. Second pass: only those of the
        fiches the text most likely describes, which finds what a text implies in a métier's
        own words ("tenu la caisse" -> "Procéder à l'encaissement")."""
        # One search per distinct activity: repeated bullet lines add nothing but cost.
        unique = {c.lemmas: c for c in reversed(clauses) if not c.negated and c.lemmas}
        active = sorted(unique.values(), key=lambda c: c.start)
        if not active:
            return []
        affirmative = affirmative_text(text, clauses)
        *vectors, head = await self.service.encoder.encode_many(
            [c.text for c in active] + [affirmative[:HEAD_CHARS]]
        )
        found: dict[str, Found] = {}
        first = [(lexical_body(c), knn_body(v)) for c, v in zip(active, vectors, strict=True)]
        by_text, _ = await asyncio.gather(
            self.fiches_like([mean_vector(vectors), head], affirmative),
            self._search(active, first, found, 0.0),
        )
        fiches = await self.likely_fiches(by_text, found)
        if fiches:  # none only on an index without fiches
            second = [(None, knn_body(v, fiches)) for v in vectors]
            await self._search(active, second, found, COHERENCE_LIFT)
        return sorted(found.values(), key=lambda f: -f.score)

    async def fiches_like(self, vectors: list[list[float]], text: str) -> list[list[str]]:
        """Fiches nearest to each vector of the text, and by BM25 on the fiche texts."""
        alias = self.service.alias("fiches")
        *knn, bm25 = await asyncio.gather(
            *(
                guarded(
                    self.service.es.search(
                        index=alias,
                        knn=queries.knn_clause(vector, LIKELY_DEPTH, queries.Filters()),
                        size=LIKELY_DEPTH,
                        source=False,
                    )
                )
                for vector in vectors
            ),
            guarded(
                self.service.es.search(
                    index=alias,
                    query={"multi_match": {"query": text, "fields": list(queries.FICHE_FIELDS)}},
                    size=LIKELY_DEPTH,
                    source=False,
                )
            ),
        )
        return [[h["_id"] for h in r["hits"]["hits"]] for r in (*knn, bm25)]

    async def likely_fiches(self, by_text: list[list[str]], found: dict[str, Found]) -> list[str]:
        """The fiches the text most likely describes: RRF of the fiches like the text and of
        the fiches the first-pass compétences cover best."""
        rankings = list(by_text)
        profile = profile_of([f for f in found.values() if f.score >= PROFILE_THRESHOLD])[0]
        if profile:
            matches, _, _ = await matching.rank_fiches(
                self.service, profile, queries.Filters(), with_facets=False
            )
            rankings.append([m.code_rome for m in matches[:LIKELY_DEPTH]])
        return list(queries.rrf(rankings, self.service.rrf_k))[:LIKELY_FICHES]

    async def _search(
        self,
        clauses: list[Clause],
        bodies: Sequence[tuple[dict[str, Any] | None, dict[str, Any]]],
        found: dict[str, Found],
        lift: float,
    ) -> None:
        """Run (lexical or None, kNN) bodies per clause in one `_msearch`; score into found."""
        index = ",".join(self.service.alias(e) for e in ENTITIES)
        searches: list[dict[str, Any]] = []
        for lexical, knn in bodies:
            searches += [{"index": index}, knn]
            if lexical is not None:
                searches += [{"index": index}, lexical]
        response = await guarded(self.service.es.msearch(searches=searches))
        answers = iter(response["responses"])
        for clause, (lexical, _) in zip(clauses, bodies, strict=True):
            semantic = _hits(next(answers))
            lexical_hits = _hits(next(answers)) if lexical is not None else []
            # Lexical-only candidates come without their cosine; they get the lowest cosine
            # the kNN leg returned for that clause (a bound, not a guess).
            cosines = {h["_id"]: 2 * float(h["_score"]) - 1 for h in semantic}
            floor = min(cosines.values(), default=COSINE_FLOOR)
            stems = clause_stems(clause)
            seen: set[str] = set()
            for hit in semantic + lexical_hits:
                entity = self.service.entity_of(hit["_index"])
                key = f"{entity}:{hit['_id']}"
                if key in seen:
                    continue
                seen.add(key)
                score, spans = score_candidate(
                    cosines.get(hit["_id"], floor),
                    hit["_source"]["libelle"],
                    int(hit["_source"].get("fiche_count", 0)),
                    stems,
                )
                item = found.setdefault(key, Found(entity, hit["_id"], hit["_source"]))
                item.by_clause.append(
                    (score + (1 - score) * lift, spans or [(clause.start, clause.end)])
                )


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


def mean_vector(vectors: list[list[float]]) -> list[float]:
    """Unit-length mean of unit vectors: the gist of the whole text, without encoding it."""
    mean = np.mean(np.asarray(vectors, dtype=np.float32), axis=0)
    norm = float(np.linalg.norm(mean)) or 1.0
    return [float(x) for x in mean / norm]


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
