"""Evidence and scores of extraction, pure functions: words and stems, clause overlap,
negation, membership in the likely fiches and the calibrated score of an item."""

import unicodedata
from dataclasses import dataclass

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
STEM = 5  # letters compared: "encadrais"/"encadrement" -> "encad"
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
