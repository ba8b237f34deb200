"""Does a text read as French? A gate that accepts terse French (bullet lists, ads opening with
a company name and a town) and still refuses English and keyboard noise.

The gate in `search_api.clauses` asks for 15 % French function words, which nominal lists
("Accueil, encaissement, mise en rayon") and name-heavy openings do not reach. This one weighs
French evidence (function words, accented letters, French-only endings) against English
evidence (English function words) and refuses words that cannot be words (no vowel, or five
consonants in a row).
"""

import html
import re
import unicodedata
from dataclasses import dataclass

# Function words only French uses ("a", "as", "on", "or" are English too, so they are left out).
_FRENCH = (
    "le la les l un une des du de d et je j ai nous vous il elle ils elles est sont dans "
    "pour avec sur au aux que qui ne n pas ce cette ces mon ma mes son sa ses leur leurs en "
    "par votre vos notre nos chez sera serez etes avez ete aussi ou tres plus selon afin"
)
FRENCH_FUNCTION_WORDS = frozenset(_FRENCH.split())
# Function words only English uses (none is also a common French word).
_ENGLISH = (
    "the and of to with you your we our is are will be this that from have has for it "
    "they their who what which would can should been were was at by my me us its into about"
)
ENGLISH_FUNCTION_WORDS = frozenset(_ENGLISH.split())
# Endings that French words have and English words rarely do ("-ement", "-eur", "-ité"...).
FRENCH_ENDINGS = re.compile(
    r"(?:ement|eur|eurs|euse|euses|ite|ites|aire|aires|ier|iere|eau|eaux|oir)$"
)
ACCENTED = frozenset("éèêëàâîïôûùüçœ")
VOWELS = frozenset("aeiouy")
CONSONANT_RUN = re.compile(r"[bcdfghjklmnpqrstvwxz]{5,}")  # no French or English word has five
MIN_WORDS_TO_JUDGE = 8  # below, keywords ("caisse, inventaire") are fine unless clearly foreign
MIN_FRENCH_SHARE = 0.04  # of the words: one cue in 25 words is French enough for an ad
ENGLISH_MARGIN = 1.0  # English cues must outnumber French ones to refuse on language
MAX_NOISE_SHARE = 0.3  # words that cannot be words (random keys, hashes) tolerated
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@dataclass(frozen=True)
class LanguageReading:
    """The counts behind the decision, for tests and logs."""

    words: int
    french: int  # French cues: function words, accented words, French endings
    english: int  # English function words
    noise: int  # letter runs that cannot be words

    @property
    def reads_as_french(self) -> bool:
        """French unless English or noise dominates, or a long text has no French cue at all."""
        if self.words == 0:
            return True  # digits, codes: nothing to judge, the extractor finds nothing anyway
        if self.noise > MAX_NOISE_SHARE * self.words:
            return False
        if self.english > ENGLISH_MARGIN * self.french and self.english >= 2:
            return False
        if self.words < MIN_WORDS_TO_JUDGE:
            return True
        return self.french >= MIN_FRENCH_SHARE * self.words


def _fold(word: str) -> str:
    """Lowercase without accents."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _is_noise(folded: str) -> bool:
    """A letter run no language writes: long and vowel-less, or five consonants in a row."""
    if len(folded) >= 4 and not VOWELS & set(folded):
        return True
    return CONSONANT_RUN.search(folded) is not None


def read_language(text: str) -> LanguageReading:
    """Count the French, English and noise cues of a text."""
    french = english = noise = count = 0
    for match in _WORD.finditer(html.unescape(text)):  # ads pasted from HTML carry "&nbsp;"
        original = match.group()
        raw = original.lower()
        folded = _fold(raw)
        count += 1
        if folded in ENGLISH_FUNCTION_WORDS:
            english += 1
        elif (
            folded in FRENCH_FUNCTION_WORDS
            or ACCENTED & set(raw)
            or (len(folded) > 4 and FRENCH_ENDINGS.search(folded))
        ):
            french += 1
        elif not original.isupper() and _is_noise(folded):  # acronyms (RGPD, HTML) are fine
            noise += 1
    return LanguageReading(count, french, english, noise)


def reads_as_french(text: str) -> bool:
    """True when the text reads as French (the gate for "ce que j'ai fait")."""
    return read_language(text).reads_as_french
