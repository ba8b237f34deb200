"""Free text -> ROME compétences, each with the words of the text that justify it.

Each clause is searched twice in one `_msearch`: lexically on its lemmas, semantically on its
words (e5 query vector). The candidates of both legs are scored on an absolute scale, so that
scores of different clauses compare and one threshold means the same everywhere:

    score = SEMANTIC_WEIGHT * semantic + LEXICAL_WEIGHT * overlap

`semantic` rescales the cosine similarity of the clause and the label from [COSINE_FLOOR,
COSINE_CEILING] to [0, 1]; `overlap` is the share of the label's content words the clause has
(after folding and a 5-letter stem). A compétence found by several clauses keeps its best score
and the evidence of each clause.
"""

import asyncio
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from spacy.language import Language

from search_api.clauses import Clause, Reading, read_text
from search_api.errors import EngineUnavailableError
from search_api.service import SearchService, guarded

SEMANTIC_WEIGHT = 0.65
LEXICAL_WEIGHT = 0.35
# e5-small cosines of a clause and a compétence label: ~0.78 unrelated, ~0.92 near paraphrase.
COSINE_FLOOR = 0.78
COSINE_CEILING = 0.93
CANDIDATES_PER_LEG = 10  # per clause and leg; the union is re-scored
STEM = 5  # letters compared: "encadrais"/"encadrement" -> "encad"
ENTITIES = ("competences", "savoirs")
SOURCE = ["libelle", "nature", "categorie", "macro", "enjeu"]
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


def score_candidate(
    cosine: float, label: str, stems: dict[str, list[tuple[int, int]]]
) -> tuple[float, list[tuple[int, int]]]:
    """Calibrated score of one label for one clause, and the spans of the shared words."""
    wanted = label_stems(label)
    shared = wanted & stems.keys()
    overlap = len(shared) / len(wanted) if wanted else 0.0
    spans = sorted({span for s in shared for span in stems[s]})
    return SEMANTIC_WEIGHT * semantic_part(cosine) + LEXICAL_WEIGHT * overlap, spans


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
            }
        },
    }


def knn_body(vector: list[float]) -> dict[str, Any]:
    """Nearest compétence and savoir labels to the clause."""
    return {
        "size": CANDIDATES_PER_LEG,
        "_source": SOURCE,
        "knn": {
            "field": "vector",
            "query_vector": vector,
            "k": CANDIDATES_PER_LEG,
            "num_candidates": 100,
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

    async def extract(self, clauses: list[Clause]) -> list[Found]:
        """Compétences and savoirs found in the affirmative clauses, best first."""
        active = [c for c in clauses if not c.negated and c.lemmas]
        if not active:
            return []
        vectors = await self.service.encoder.encode_many([c.text for c in active])
        index = ",".join(self.service.alias(e) for e in ENTITIES)
        searches: list[dict[str, Any]] = []
        for clause, vector in zip(active, vectors, strict=True):
            searches += [{"index": index}, lexical_body(clause)]
            searches += [{"index": index}, knn_body(vector)]
        response = await guarded(self.service.es.msearch(searches=searches))
        answers = response["responses"]
        # Label vectors of lexical-only candidates are not returned; their cosine is taken as
        # the lowest cosine the kNN leg returned for that clause (a bound, not a guess).
        found: dict[str, Found] = {}
        for i, clause in enumerate(active):
            lexical, semantic = answers[2 * i], answers[2 * i + 1]
            cosines = {h["_id"]: 2 * float(h["_score"]) - 1 for h in _hits(semantic)}
            floor = min(cosines.values(), default=COSINE_FLOOR)
            stems = clause_stems(clause)
            seen: set[str] = set()
            for hit in _hits(semantic) + _hits(lexical):
                entity = self.service.entity_of(hit["_index"])
                key = f"{entity}:{hit['_id']}"
                if key in seen:
                    continue
                seen.add(key)
                score, spans = score_candidate(
                    cosines.get(hit["_id"], floor), hit["_source"]["libelle"], stems
                )
                item = found.setdefault(key, Found(entity, hit["_id"], hit["_source"]))
                item.by_clause.append((score, spans or [(clause.start, clause.end)]))
        return sorted(found.values(), key=lambda f: -f.score)


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
