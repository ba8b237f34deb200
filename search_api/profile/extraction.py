"""Free text -> ROME compétences, each with the words of the text that justify it.

With the learned models (search_api.profile.learned) a classifier trained on real ads gives the
fiches métier the text likely describes, with probabilities; the candidates are the items those
fiches imply and the labels the clauses' words find in the engine; a ranker trained on what
recruiters label scores them, calibrated to the probability that one would label the item.

Without them (the fallback below), the same idea with hand-set weights. Recruiters and
conseillers name the compétences of a métier, and a text says which métier it describes
far more reliably than any one of its clauses says which compétence. So extraction first
finds the fiches the text most likely describes (weighted RRF of five rankings: its e5
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
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from spacy.language import Language

from ranking.competences import TOP_FICHES, label_stems, text_stems
from ranking.language import reads_as_french
from search_api.common.engine import Engine
from search_api.common.fusion import rrf
from search_api.encoder import QueryEncoder
from search_api.errors import InvalidInputError
from search_api.profile import queries
from search_api.profile.clauses import Clause, Reading, read_text
from search_api.profile.evidence import (
    SAVOIR_ETRE,
    Fiche,
    Spans,
    clause_stems,
    denied_stems,
    membership,
    overlap,
    score,
    spans_of,
    word_spans,
)
from search_api.profile.learned import THRESHOLD as LEARNED_THRESHOLD
from search_api.profile.learned import LearnedExtraction, named_fiches

LIKELY_FICHES = 6  # fiches whose items are ranked
# Rankings fused to choose the fiches: the text's vector against the fiches, BM25 on the fiche
# texts, fiches listing the labels the clauses' words find, and the fiches of the appellations
# nearest to the text by vector and by BM25. Tuned on the dev ads (both halves agree).
RANKING_WEIGHTS = (1.0, 0.5, 0.5, 0.5, 0.5)
FUSION_K = 10  # RRF constant: low, so a first rank outweighs presence in several rankings
TEXT_CHARS = 1000  # the start of the text names the job; the encoder reads ~500 tokens at most
FUSED_THRESHOLD = 0.3  # lowest score of the fallback returned unless the caller asks otherwise
NOT_FRENCH = "the text does not read as French: MétierScope recognises French descriptions"
NOTHING_TO_READ = "no activity found: describe what you did, e.g. « j'ai tenu la caisse »"
NOTHING_ABOVE = "no compétence reaches the threshold: describe the tasks in more detail"


@dataclass
class Found:
    """A compétence or savoir recognised in the text."""

    entity: str
    code: str
    source: dict[str, Any]
    score: float
    evidence: Spans
    fiche: Fiche | None  # the likeliest fiche listing it, when the text implies it that way


@dataclass(frozen=True)
class Extraction:
    """How a text was read, what was kept, and why nothing was when the list is empty."""

    reading: Reading
    found: list[Found]
    reason: str | None
    fiches: list[tuple[str, float]]  # fiches métier the text likely describes (learned only)


def fiches_of_appellations(answer: dict[str, Any]) -> list[str]:
    """Fiches of the appellations found, in order, each once."""
    return list(dict.fromkeys(h["_source"]["fiche"]["code"] for h in answer["hits"]["hits"]))


def fiches_of_labels(answers: list[dict[str, Any]]) -> list[str]:
    """Fiches listing the labels the clauses' words found: a vote per hit, 1 / rank, shared
    by the square root of the fiches using the label (common labels say little)."""
    votes: dict[str, float] = {}
    for answer in answers:
        for rank, hit in enumerate(answer["hits"]["hits"], start=1):
            users = hit["_source"].get("fiches", [])
            for fiche in users:
                vote = 1 / (rank * math.sqrt(len(users)))
                votes[fiche["code"]] = votes.get(fiche["code"], 0.0) + vote
    return sorted(votes, key=lambda code: -votes[code])


def fuse(rankings: list[list[str]], weights: Sequence[float]) -> list[str]:
    """Weighted reciprocal rank fusion of the first LIKELY_DEPTH of each ranking."""
    return list(rrf([r[: queries.LIKELY_DEPTH] for r in rankings], FUSION_K, weights))


def fiche_of(code: str, source: dict[str, Any]) -> Fiche:
    """A likely fiche from its document."""
    names = [source.get("libelle", "")]
    names += [a.get("libelle", "") for a in source.get("appellations", [])]
    keys = ("competence_codes", "savoir_codes", "macro_codes")
    return Fiche(
        code=code,
        libelle=source.get("libelle", ""),
        items=frozenset(c for key in keys for c in source.get(key, [])),
        coeur=frozenset(source.get("coeur_codes", [])),
        words=frozenset(s for name in names for s in text_stems(name)),
    )


def affirmed(spans: Spans, clauses: list[Clause]) -> Spans:
    """The spans outside the negated clauses."""
    denied = [(c.start, c.end) for c in clauses if c.negated]
    return [(a, b) for a, b in spans if not any(s <= a and b <= e for s, e in denied)]


def affirmative(text: str, clauses: list[Clause]) -> str:
    """The text without its negated clauses (the whole text if nothing is left)."""
    return " ".join(c.text for c in clauses if not c.negated) or text


def affirmative_text(text: str, clauses: list[Clause]) -> str:
    """The text without its negated clauses, cut to TEXT_CHARS."""
    kept = [c.text for c in clauses if not c.negated]
    return " ".join(kept)[:TEXT_CHARS] if kept else text[:TEXT_CHARS]


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


class Extractor:
    """Recognises compétences in a text with the API's indices and query encoder."""

    def __init__(
        self,
        engine: Engine,
        encoder: QueryEncoder,
        nlp: Language,
        learned: LearnedExtraction | None = None,
    ) -> None:
        self.engine = engine
        self.encoder = encoder
        self.nlp = nlp
        self.learned = learned

    async def read(self, text: str) -> Reading:
        """Clauses of the text (spaCy runs in a worker thread: it is CPU-bound)."""
        return await asyncio.to_thread(read_text, self.nlp, text)

    @property
    def threshold(self) -> float:
        """Default lowest score returned: scores mean different things with and without the
        learned models."""
        return LEARNED_THRESHOLD if self.learned is not None else FUSED_THRESHOLD

    def likely_fiches(
        self, text: str, clauses: list[Clause], title: str | None = None
    ) -> list[tuple[str, float]]:
        """Fiches métier the affirmative clauses (and the job title, if given) likely describe
        ([] without the models)."""
        if self.learned is None:
            return []
        return self.learned.likely_fiches(affirmative(text, clauses), text, title)

    async def run(
        self, text: str, threshold: float | None, size: int, title: str | None = None
    ) -> Extraction:
        """Read the text, extract, keep what reaches the threshold (None: the default);
        422 if the text is not French. The job `title`, if given, helps the learned models
        recognise the métier (the unlearned fallback reads the text alone)."""
        reading = await self.read(text)
        if not reads_as_french(text):  # terse French lists pass, English and noise do not
            raise InvalidInputError("text", NOT_FRENCH)
        fiches = self.likely_fiches(text, reading.clauses, title)
        found = await self.extract(text, reading.clauses, fiches)
        lowest = self.threshold if threshold is None else threshold
        kept = [f for f in found if f.score >= lowest][:size]
        reason = None
        if not kept:
            searched = [c for c in reading.clauses if c.lemmas and not c.negated]
            reason = NOTHING_ABOVE if searched else NOTHING_TO_READ
        return Extraction(reading, kept, reason, fiches)

    async def extract(
        self, text: str, clauses: list[Clause], fiches: list[tuple[str, float]]
    ) -> list[Found]:
        """Compétences and savoirs of the affirmative clauses and of their métier, best first;
        `fiches` are the learned models' `likely_fiches` (unused by the unlearned fallback)."""
        # One search per distinct activity: repeated bullet lines add nothing but cost.
        unique = {c.lemmas: c for c in reversed(clauses) if not c.negated and c.lemmas}
        active = sorted(unique.values(), key=lambda c: c.start)
        if not active:
            return []
        if self.learned is not None:
            return await self.learned_extract(self.learned, text, clauses, active, fiches)
        affirmative = affirmative_text(text, clauses)
        vector = await self.encoder.encode(affirmative)
        searches = queries.fiche_searches(vector, affirmative)
        searches += [(queries.ITEMS, queries.clause_body(" ".join(c.lemmas))) for c in active]
        answers = await self.engine.msearch(searches)
        fiche_knn, fiche_bm25, appellation_knn, appellation_bm25, *lexical = answers
        rankings = [
            [h["_id"] for h in fiche_knn["hits"]["hits"]],
            [h["_id"] for h in fiche_bm25["hits"]["hits"]],
            fiches_of_labels(lexical),
            fiches_of_appellations(appellation_knn),
            fiches_of_appellations(appellation_bm25),
        ]
        fused = await self.fiches(fuse(rankings, RANKING_WEIGHTS))
        codes = {c for f in fused for c in f.items}
        codes |= {h["_id"] for answer in lexical for h in answer["hits"]["hits"]}
        if not codes:
            return []
        body = queries.candidates_body(vector, sorted(codes))
        response = await self.engine.search(queries.ITEMS, body)
        return self.scored(response["hits"]["hits"], clauses, active, fused)

    async def learned_extract(
        self,
        learned: LearnedExtraction,
        text: str,
        clauses: list[Clause],
        active: list[Clause],
        fiches: list[tuple[str, float]],
    ) -> list[Found]:
        """Candidates from the likely fiches (`likely_fiches`) and from the clauses' words,
        scored by the compétence ranker; labels with a word the text denies dropped."""
        said_text = affirmative(text, clauses)
        searches = [(queries.ITEMS, queries.clause_body(" ".join(c.lemmas))) for c in active]
        lexical, named = await asyncio.gather(
            self.engine.msearch(searches), self.fiches(named_fiches(fiches), TOP_FICHES)
        )
        codes = learned.ranker.candidates(fiches)
        codes |= {h["_id"] for answer in lexical for h in answer["hits"]["hits"]}
        if not codes:
            return []
        response = await self.engine.search(queries.ITEMS, queries.items_body(sorted(codes)))
        hits = {h["_id"]: h for h in response["hits"]["hits"]}
        denied = denied_stems(clauses)
        hits = {c: h for c, h in hits.items() if not label_stems(h["_source"]["libelle"]) & denied}
        stems = text_stems(said_text)
        evidence = {}
        for code, hit in hits.items():
            wanted = label_stems(hit["_source"]["libelle"])
            evidence[code] = len(wanted & stems) / len(wanted) if wanted else 0.0
        said = [clause_stems(c) for c in active]
        by_code = {f.code: f for f in named}
        found = []
        for item in learned.ranker.score(fiches, evidence):
            hit = hits.get(item.code)
            if hit is None:  # implied by a fiche but not indexed, or denied by the text
                continue
            fiche = by_code.get(item.metier) if item.metier else None
            if item.metier and fiche is None:  # implied by a fiche the index lacks: unexplained
                continue
            if item.text_share:  # the label's words in the clauses, else anywhere affirmed
                label = label_stems(hit["_source"]["libelle"])
                spans = spans_of(label, said) or affirmed(word_spans(text, label), clauses)
            else:  # implied by the métier: the words naming it, if the text has them
                spans = spans_of(fiche.words, said) if fiche is not None else []
            found.append(
                Found(
                    entity=self.engine.entity_of(hit["_index"]),
                    code=item.code,
                    source=hit["_source"],
                    score=item.score,
                    evidence=spans,
                    fiche=fiche,
                )
            )
        return found

    def scored(
        self,
        hits: list[dict[str, Any]],
        clauses: list[Clause],
        active: list[Clause],
        fiches: list[Fiche],
    ) -> list[Found]:
        """The candidates scored, best first; labels with a word the text denies dropped."""
        said = [clause_stems(c) for c in active]
        denied = denied_stems(clauses)
        found = []
        for hit in hits:
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
                    entity=self.engine.entity_of(hit["_index"]),
                    code=hit["_id"],
                    source=hit["_source"],
                    score=score(share, metier, cosine) * (SAVOIR_ETRE if quality else 1.0),
                    evidence=spans or [(active[0].start, active[0].end)],
                    fiche=fiche if share == 0 else None,
                )
            )
        return sorted(found, key=lambda f: -f.score)

    async def fiches(self, ranked: list[str], depth: int = LIKELY_FICHES) -> list[Fiche]:
        """The first `depth` of the ranked codes, with what they list."""
        if not ranked:
            return []
        docs = await self.engine.mget("fiches", ranked[:depth], queries.FICHE_SOURCE)
        return [fiche_of(code, source) for code, source in docs.items()]
