"""Evidence and scores of extraction, pure functions: words and stems, clause overlap,
negation, membership in the likely fiches and the calibrated score of an item."""

import re
from dataclasses import dataclass

from ranking.competences import STEM
from ranking.text import words
from search_api.profile.clauses import Clause

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
RANK_DECAY = 0.5  # fiche of rank r weighs 1 / r ** RANK_DECAY
COEUR_BONUS = 2.0  # an item at the heart of a fiche weighs 1 + COEUR_BONUS there
Spans = list[tuple[int, int]]


@dataclass(frozen=True)
class Fiche:
    """A fiche the text likely describes, with what it lists."""

    code: str
    libelle: str
    items: frozenset[str]
    coeur: frozenset[str]
    words: frozenset[str]  # stems of its title and appellations


def clause_stems(clause: Clause) -> dict[str, Spans]:
    """Stem of each content lemma and the spans of the words that gave it."""
    stems: dict[str, Spans] = {}
    for start, end, lemma in clause.tokens:
        for word in words(lemma):
            stems.setdefault(word[:STEM], []).append((start, end))
    return stems


def overlap(
    wanted: set[str] | frozenset[str], clauses: list[dict[str, Spans]]
) -> tuple[float, Spans]:
    """Best share of the wanted stems one clause has, and the spans of the shared words."""
    best, spans = 0.0, []
    for stems in clauses:
        shared = wanted & stems.keys()
        share = len(shared) / len(wanted) if wanted else 0.0
        if share > best:
            best, spans = share, sorted({span for s in shared for span in stems[s]})
    return best, spans


def spans_of(wanted: set[str] | frozenset[str], clauses: list[dict[str, Spans]]) -> Spans:
    """Spans of every word of the clauses whose stem is wanted, in text order."""
    return sorted({span for stems in clauses for s in wanted & stems.keys() for span in stems[s]})


def word_spans(text: str, wanted: set[str] | frozenset[str]) -> Spans:
    """Spans of the words of a text whose stem is wanted (as `text_stems` reads the text)."""
    return [
        (m.start(), m.end())
        for m in re.finditer(r"\w+", text)
        if (folded := words(m.group())) and folded[0][:STEM] in wanted
    ]


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
