"""The job title an ad's text names, read by the title ranker, sharpens the fiche classifier.

About a third of real descriptions name their job with a gender marker ("... recrute un
Technicien réseau et télécommunication (H/F) au sein de ..."). Those few words are an ad title,
and the title ranker (trained on 32,000 of them) reads titles better than the description
classifier reads whole texts: on the training descriptions that name one, out of source, it puts
the right fiche métier first for 0.59 of them against the classifier's 0.51. The two
distributions are averaged (`TITLE_WEIGHT`); texts without a marked title keep the classifier's.
A job title given beside the text (the person's own, or an ad's) takes the place of the one the
text names, with more weight (`GIVEN_TITLE_WEIGHT`): it is the person's word, not a guess.
"""

import re
from collections.abc import Mapping, Sequence

import numpy as np
import numpy.typing as npt

from ranking.descriptions import FicheClassifier
from ranking.titles import ScoredAppellation, TitleRanker

# Grouped CV over the training descriptions (evaluation.descriptions): weights 0.3 / 0.5 / 0.7 /
# 1.0 gave top-1 0.467 / 0.476 / 0.478 / 0.472 (classifier alone 0.444); 0.5 keeps top-5 best.
TITLE_WEIGHT = 0.5
# The same CV with each description's own ad title given (the report's "with its title"
# columns): weights 0.3 / 0.5 / 0.7 / 0.85 / 1.0 gave top-1 0.610 / 0.663 / 0.689 / 0.684 /
# 0.679 and top-5 0.859 / 0.864 / 0.868 / 0.868 / 0.852.
GIVEN_TITLE_WEIGHT = 0.7
# Softmax temperature over the ranker's scores of one title's candidates (0.5 / 1 / 2 within
# 0.5 point of top-1 of each other).
TITLE_TEMPERATURE = 1.0
TITLE_CANDIDATES = 20  # appellations of the named title spread over the fiches
SCAN_CHARS = 80  # how far before a marker the title may start
MAX_WORDS = 8  # ad titles are short; more words is a sentence
MIN_CHARS = 3

MARKER = re.compile(r"\(?\s*\b(?:H\s*/\s*F|F\s*/\s*H|H-F|F-H)\b\s*\)?", re.IGNORECASE)
SENTENCE_END = re.compile(r"[.!?:;•*]$")
# Words that open the phrase naming the job: the title is what follows them.
OPENERS = frozenset(
    [
        "recrute",
        "recherche",
        "recherchons",
        "recrutons",
        "cherchons",
        "cherche",
        "pour",
        "un",
        "une",
        "un(e)",
        "un.e",
        "un-e",
        "des",
        "d'un",
        "d'une",
        "client",
        "clients",
        "poste",
        "notre",
        "futur",
        "futur(e)",
        "son",
        "sa",
        "nouveau",
        "nouvel",
        "nouvelle",
    ]
)
QUOTES = "«»\"'"
WORD = re.compile(r"[^\W\d_]{2,}")  # two letters in a row: a title with none names no job


def title_phrase(text: str) -> str | None:
    """The first job title the text marks with H/F (or F/H), without its opening words."""
    for marker in MARKER.finditer(text):
        before = text[max(0, marker.start() - SCAN_CHARS) : marker.start()].split()
        words: list[str] = []
        for word in reversed(before):
            if SENTENCE_END.search(word) or word.lower().strip(QUOTES) in OPENERS:
                break
            words.append(word)
            if len(words) == MAX_WORDS:
                break
        phrase = " ".join(reversed(words)).strip(" -–,(" + QUOTES)
        if len(phrase) >= MIN_CHARS:
            return phrase
    return None


def given_title(title: str | None) -> str | None:
    """The job title given beside a text, trimmed; None when it has no word in it (blank,
    signs, digits or only a gender marker)."""
    return title.strip() if title and WORD.search(MARKER.sub("", title)) else None


def title_distribution(
    ranked: Sequence[ScoredAppellation], classes: Mapping[str, int], temperature: float
) -> npt.NDArray[np.float64]:
    """The ranker's candidates as a distribution over the classifier's fiches métier."""
    out = np.zeros(len(classes))
    if not ranked:
        return out
    scores = np.array([a.score for a in ranked])
    weights = np.exp((scores - scores.max()) / temperature)
    for app, weight in zip(ranked, weights / weights.sum(), strict=True):
        if app.parent in classes:
            out[classes[app.parent]] += weight
    return out


def with_title(
    probabilities: npt.NDArray[np.float64],
    ranked: Sequence[ScoredAppellation] | None,
    classes: Mapping[str, int],
    weight: float = TITLE_WEIGHT,
) -> npt.NDArray[np.float64]:
    """The classifier's distribution averaged with the title's (unchanged without one)."""
    if not ranked:
        return probabilities
    titles = title_distribution(ranked, classes, TITLE_TEMPERATURE)
    return np.asarray((1 - weight) * probabilities + weight * titles)


def likely_fiches(
    classifier: FicheClassifier,
    titles: TitleRanker | None,
    text: str,
    k: int,
    *,
    named_in: str | None = None,
    title: str | None = None,
) -> list[tuple[str, float]]:
    """The k likeliest fiches métier of a text with their probabilities, best first: the
    classifier's, sharpened, when the title ranker is loaded, by the job `title` given or else
    by the title named in `named_in` (default: the text)."""
    probs = classifier.probabilities(text).astype(np.float64)
    if titles is not None:
        given = given_title(title)
        phrase, weight = (
            (given, GIVEN_TITLE_WEIGHT) if given else (title_phrase(named_in or text), TITLE_WEIGHT)
        )
        if phrase is not None:
            classes = {c: i for i, c in enumerate(classifier.classes)}
            ranked = titles.rank(phrase, size=TITLE_CANDIDATES)
            probs = with_title(probs, ranked, classes, weight)
    top = np.argsort(-probs, kind="stable")[:k]
    return [(classifier.classes[i], float(probs[i])) for i in top]
