"""What a person did, cut into clauses: one activity each, lemmatised, negation noted.

"j'ai tenu la caisse et fait les inventaires, j'encadrais deux apprentis" gives three clauses
(tenir caisse / faire inventaire / encadrer apprenti). spaCy's French pipeline gives sentences,
lemmas, parts of speech, the dependency tree and the Polarity=Neg morphology this relies on.
"""

import re
from dataclasses import dataclass
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

SPACY_MODEL = "fr_core_news_sm"

# Dependencies that start a new clause under a verb ("et fait", ", j'encadrais", "pour gérer").
CLAUSE_DEPS = frozenset({"conj", "advcl", "parataxis", "ccomp", "acl:relcl", "xcomp"})
CONTENT_POS = frozenset({"NOUN", "VERB", "ADJ", "PROPN"})
# Verbs that carry no activity by themselves ("j'ai été", "je devais", "j'ai fait de la...").
LIGHT_VERBS = frozenset({"être", "avoir", "faire", "aller", "pouvoir", "vouloir", "devoir"})
# Words that negate with "ne": "je n'ai jamais encadré", "je ne sais pas", "aucun", "rien".
NEGATORS = frozenset({"pas", "jamais", "plus", "aucun", "aucune", "rien", "guère", "nullement"})
# Lines of a bullet list are clauses of their own.
LINE_BREAK = re.compile(r"\n+|(?:^|\s)[•·▪◦–-]\s")
MAX_TOKENS_PER_CLAUSE = 40  # longer spans are split again at commas


@dataclass(frozen=True)
class Clause:
    """One activity of the text, with where it is."""

    start: int  # character offsets in the original text
    end: int
    text: str
    lemmas: tuple[str, ...]  # content lemmas, in order, lowercased
    tokens: tuple[tuple[int, int, str], ...]  # (start, end, lemma) of each content token
    negated: bool


@cache
def load_nlp() -> Language:
    """The French pipeline (no named entities: not needed, and it is the slowest part)."""
    return spacy.load(SPACY_MODEL, exclude=["ner"])


def _clause_head(token: Token, heads: set[int]) -> int:
    """Index of the nearest clause head at or above the token."""
    while token.i not in heads and token.head.i != token.i:
        token = token.head
    return token.i


def _heads(sentence: Span) -> set[int]:
    root = sentence.root
    heads = {root.i}
    for token in sentence:
        verb_clause = token.pos_ in ("VERB", "AUX") and token.dep_ in CLAUSE_DEPS
        # A nominal list ("Accueil, encaissement et mise en rayon"): each item is an activity.
        list_item = token.pos_ == root.pos_ == "NOUN" and token.dep_ == "conj"
        if verb_clause or (list_item and token.head == root):
            heads.add(token.i)
    return heads


def _is_negated(tokens: list[Token]) -> bool:
    """ne + pas/jamais/plus/rien/aucun, or "sans" before a verb; "ne ... que" is not negation."""
    lemmas = [t.lower_ for t in tokens]
    has_ne = any(t.lemma_ == "ne" for t in tokens)
    if has_ne and any(w in NEGATORS for w in lemmas):
        return True
    if has_ne and "que" in lemmas:  # "je n'ai fait que de la vente": restrictive, affirmative
        return False
    if has_ne or any(t.lower_ == "jamais" for t in tokens):
        return True
    return any(
        t.lower_ == "sans" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].pos_ == "VERB"
        for t in tokens
    )


def _clause(doc: Doc, tokens: list[Token]) -> Clause | None:
    kept = [t for t in tokens if not (t.is_punct or t.is_space or t.pos_ == "CCONJ")]
    if not kept:
        return None
    start, end = kept[0].idx, kept[-1].idx + len(kept[-1].text)
    content = [
        t
        for t in kept
        if t.pos_ in CONTENT_POS and not t.is_stop and t.lemma_.lower() not in LIGHT_VERBS
    ]
    if all(t.pos_ == "PROPN" for t in content):
        content = []  # names alone (a town, a shop, a brand) are no activity
    return Clause(
        start=start,
        end=end,
        text=doc.text[start:end],
        lemmas=tuple(t.lemma_.lower() for t in content),
        tokens=tuple((t.idx, t.idx + len(t.text), t.lemma_.lower()) for t in content),
        negated=_is_negated(kept),
    )


def _segments(text: str) -> list[tuple[int, int]]:
    """Character ranges of the lines / bullet items of the text."""
    out, start = [], 0
    for match in LINE_BREAK.finditer(text):
        if match.start() > start:
            out.append((start, match.start()))
        start = match.end()
    if start < len(text):
        out.append((start, len(text)))
    return [(s, e) for s, e in out if text[s:e].strip()]


@dataclass(frozen=True)
class Reading:
    """A text cut into clauses, with what tells whether it is French at all."""

    clauses: list[Clause]
    words: int  # alphabetic tokens
    function_words: int  # of which French function words (le, de, et, je...)

    @property
    def looks_french(self) -> bool:
        """French prose is ~40 % function words; a few words or a list may have none."""
        return self.words < MIN_WORDS_TO_JUDGE or self.function_words >= 0.15 * self.words


MIN_WORDS_TO_JUDGE = 8  # below, keywords ("caisse, inventaire") are fine
# Function words only French uses ("a", "as", "on" are English too, so they are left out).
FUNCTION_WORDS = (
    "le la les l un une des du de d et je j ai nous vous il elle ils est sont dans pour avec "
    "sur au aux que qui ne n pas ce cette ces mon ma mes son sa ses leur en par"
)
FRENCH_FUNCTION_WORDS = frozenset(FUNCTION_WORDS.split(" "))


def read_text(nlp: Language, text: str) -> Reading:
    """Clauses of the text and its French-ness."""
    doc = nlp(text)
    words = [w for t in doc if (w := t.lower_.rstrip("'’")).isalpha()]
    return Reading(split_clauses(doc), len(words), sum(w in FRENCH_FUNCTION_WORDS for w in words))


def split_clauses(doc: Doc) -> list[Clause]:
    """The clauses of a parsed text in reading order, including negated and empty ones."""
    text = doc.text
    clauses: list[Clause] = []
    sentences = list(doc.sents)
    for seg_start, seg_end in _segments(text):
        for sentence in sentences:
            if sentence.end_char <= seg_start or sentence.start_char >= seg_end:
                continue
            heads = _heads(sentence)
            groups: dict[int, list[Token]] = {}
            for token in sentence:
                if seg_start <= token.idx < seg_end:
                    groups.setdefault(_clause_head(token, heads), []).append(token)
            for group in sorted(groups.values(), key=lambda g: g[0].i):
                for chunk in _chunks(group):
                    clause = _clause(doc, chunk)
                    if clause is not None:
                        clauses.append(clause)
    return clauses


def _chunks(tokens: list[Token]) -> list[list[Token]]:
    """Very long clauses cut at commas, so one clause stays one activity."""
    if len(tokens) <= MAX_TOKENS_PER_CLAUSE:
        return [tokens]
    out: list[list[Token]] = [[]]
    for token in tokens:
        if token.text in (",", ";") and len(out[-1]) >= 3:
            out.append([])
        else:
            out[-1].append(token)
    return [c for c in out if c]
