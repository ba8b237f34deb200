"""Query understanding for ad-style job titles: drop what is not the job, expand abbreviations.

`clean_title("Chauffeur SPL H/F - CDI - Lyon 69")` keeps "chauffeur spl super poids lourd":
gender markers, contract words, places, hashtags, reference codes and seniority words are removed;
known abbreviations are kept and followed by their expansion, so both the training titles (which
use the abbreviation) and the referential labels (which spell it out) can match.
"""

import html
import re
from collections.abc import Collection

from ranking.text import TITLE_FUNCTION_WORDS, fold

# Curated abbreviations of French job ads -> the words the ROME labels use.
ABBREVIATIONS: dict[str, str] = {
    "spl": "super poids lourd",
    "pl": "poids lourd",
    "vl": "vehicule leger",
    "ide": "infirmier diplome d'etat",
    "aes": "accompagnant educatif et social",
    "ash": "agent de service hospitalier",
    "atsem": "agent territorial specialise des ecoles maternelles",
    "aesh": "accompagnant des eleves en situation de handicap",
    "avs": "auxiliaire de vie sociale",
    "amp": "aide medico psychologique",
    "eje": "educateur de jeunes enfants",
    "aepe": "accompagnant educatif petite enfance",
    "asv": "auxiliaire specialise veterinaire",
    "drh": "directeur des ressources humaines",
    "rrh": "responsable des ressources humaines",
    "rh": "ressources humaines",
    "daf": "directeur administratif et financier",
    "raf": "responsable administratif et financier",
    "dsi": "systemes d'information",
    "sirh": "systeme d'information ressources humaines",
    "btp": "batiment travaux publics",
    "tp": "travaux publics",
    "vrd": "voirie reseaux divers",
    "cvc": "chauffage ventilation climatisation",
    "tce": "tous corps d'etat",
    "qhse": "qualite hygiene securite environnement",
    "hse": "hygiene securite environnement",
    "qse": "qualite securite environnement",
    "sav": "service apres vente",
    "adv": "administration des ventes",
    "els": "employe libre service",
    "gms": "grande et moyenne surface",
    "dba": "administrateur de bases de donnees",
    "bi": "business intelligence",
    "erp": "progiciel de gestion integre",
    "amoa": "assistance maitrise d'ouvrage",
    "moa": "maitrise d'ouvrage",
    "moe": "maitrise d'oeuvre",
    "etam": "employe technicien agent de maitrise",
    "cap": "certificat d'aptitude professionnelle",
    "as": "aide soignant",
    "ats": "agent technique",
    "po": "product owner",
    "pmo": "project management officer",
    "qa": "assurance qualite",
    "cfo": "directeur financier",
    "cto": "directeur technique",
    "si": "systemes d'information",
    "be": "bureau d'etudes",
    "iard": "assurance incendie accidents risques divers",
}
# Short abbreviations that are also French words: expanded only when written in capitals.
AMBIGUOUS = frozenset({"as", "si", "be", "po", "tp", "cap", "ats", "pl", "vl", "qa"})

CONTRACT_WORDS = (
    r"cdi|cdd|cdd\d+|interim(?:aire)?|alternance|alternant(?:e)?|en alternance|stage|stagiaire"
    r"|apprentissage|contrat pro(?:fessionnalisation)?|contrat de professionnalisation|poei"
    r"|mesure poei|freelance|free lance|temps plein|temps partiel|mi temps|plein temps"
    r"|temps complet|saison(?:nier)?|extra|vacataire|tres urgent|urgent|h\d+|nb"
    r"|contrat de prof|offre d'emploi"
)
SENIORITY_WORDS = (
    r"confirmee?s?|junior|senior|experimentee?s?|debutante?s?|expert|intermediate|profil"
    r"|\d+ ans d'experience|sans experience|accepte(?:e)?"
)
# Places that often end an ad title; a département or postcode is handled by the number rules.
PLACE_WORDS = (
    r"paris|lyon|marseille|toulouse|nice|nantes|strasbourg|montpellier|bordeaux|lille|rennes"
    r"|reims|grenoble|dijon|angers|nimes|brest|tours|limoges|amiens|metz|rouen|caen|orleans"
    r"|massy|nanterre|idf|ile de france|la defense|toute la france|france entiere"
    r"|nord|sud|est|ouest|centre"
)

_HFM = r"[hfm]\s*[/-]?\s*[hfm](?:\s*/\s*(?:nb|x|d))?"  # h/f, f-h, hf, f/m/d, h/f/x ...
_GENDER_PARENS = re.compile(rf"\(\s*{_HFM}\s*\)")
_GENDER_BARE = re.compile(
    r"(?<![a-z])(?:h\s*/\s*f|f\s*/\s*h|h\s*-\s*f|f\s*-\s*h|hf|fh)"
    r"(?:\s*/\s*(?:nb|x|d))?(?![a-z])"
)
_FEMININE = r"e|ne|se|euse|trice|rice|ere|ve|fe|le|te|eur|esse"
_GENDER_SUFFIX = re.compile(
    rf"(?<=[a-z])(?:\s?\((?:{_FEMININE}|es)\)"
    rf"|[.·](?:{_FEMININE})s?\b"
    rf"|/(?:{_FEMININE})\b"
    rf"|-(?:{_FEMININE})\b)"
)
_HASHTAG = re.compile(r"#\S+")
# Reference codes: a letter/digit token with at least one digit and one letter, e.g. V0824P100-47.
_REFERENCE = re.compile(
    r"(?<![\w])-?(?=[a-z0-9-]*\d)(?=[a-z0-9-]*[a-z])(?=[a-z0-9-]{5})[a-z0-9]+(?:-[a-z0-9]+)*"
)
_PERCENT = re.compile(r"\d+\s*%")
_NUMBER = re.compile(r"\b\d+(?:e|eme|er)?\b")
_CONTRACT = re.compile(rf"(?:\b(?:en|sous|a)\s+)?\b(?:{CONTRACT_WORDS})\b")
# Not at the start: "Expert diagnostic" is an expert, "Comptable junior" a comptable.
_SENIORITY = re.compile(rf"(?<=\S)\s+(?:{SENIORITY_WORDS})\b")
_PLACE_TAIL = re.compile(rf"(?:\s[-–(]\s*|\s(?:a|sur|en)\s)(?:{PLACE_WORDS})\b.*$")
# "... à ANNONAY (H/F)", "à ROIFFIEUX P3": a town in capitals after "à" at the end.
_A_PLACE = re.compile(r"\s(?:à|a|sur)\s+[A-ZÀ-Ý][A-ZÀ-Ý0-9' -]{2,}(?=\s*(?:\([^)]*\))?\s*$)")
# "... à Saint Péray et ses alentours": a lower-case "à" then a capitalised word that is not
# part of a job name ("Aide à Domicile", "Prêt à Porter") ends the job part of the title.
_NOT_PLACES = (
    "Domicile|Distance|Temps|Porter|Commande|Taille|Tour|Senior|Plein|Mi|Partir|La|Le|Les|L"
)
_A_TOWN = re.compile(rf"\sà\s+(?!(?:{_NOT_PLACES})\b)[A-ZÀ-Ý][a-zà-ÿ][\w'-]*\b.*$")
_TOKEN = re.compile(r"[a-z0-9']+")
# Words that cannot end (or start) a job title: left over when what followed was removed.
_DANGLING = TITLE_FUNCTION_WORDS
_LEADING = _DANGLING | {"offre", "recrute", "recherche"}
PLACE_WORDS_MAX = 5  # longest commune name (in words) looked for at the end of a title


def _strip_markers(text: str) -> str:
    """Remove gender markers, hashtags, percentages and reference codes (text already folded)."""
    text = _HASHTAG.sub(" ", text)
    text = _GENDER_PARENS.sub(" ", text)
    text = _GENDER_BARE.sub(" ", text)
    text = _GENDER_SUFFIX.sub("", text)
    text = _PERCENT.sub(" ", text)
    return _REFERENCE.sub(" ", text)


def _abbreviations(raw: str) -> dict[str, str]:
    """Abbreviations present in the raw title, respecting capitals for the ambiguous ones."""
    found: dict[str, str] = {}
    for token in re.findall(r"[A-Za-z]+", raw):
        key = token.lower()
        if key in ABBREVIATIONS and (key not in AMBIGUOUS or token.isupper()):
            found[key] = ABBREVIATIONS[key]
    return found


def _trim(tokens: list[str], places: Collection[str]) -> list[str]:
    """Drop dangling stop words at both ends and commune names at the end (never everything)."""
    while len(tokens) > 1 and tokens[0] in _LEADING:
        tokens = tokens[1:]
    changed = True
    while changed and len(tokens) > 1:
        changed = False
        if tokens[-1] in _DANGLING:
            tokens, changed = tokens[:-1], True
            continue
        for n in range(min(PLACE_WORDS_MAX, len(tokens) - 1), 0, -1):
            if " ".join(tokens[-n:]) in places:
                tokens, changed = tokens[:-n], True
                break
    return tokens


def clean_title(raw: str, places: Collection[str] = ()) -> str:
    """The job part of an ad title, folded, with abbreviations expanded after themselves.

    `places`: normalised commune names that are dropped when they end the title.
    """
    raw = html.unescape(raw).strip()
    text = _A_TOWN.sub("", _A_PLACE.sub("", raw))
    text = fold(text)
    text = _strip_markers(text)
    text = _PLACE_TAIL.sub("", text)
    text = _CONTRACT.sub(" ", text)
    text = _SENIORITY.sub(" ", text)
    text = _NUMBER.sub(" ", text)
    tokens = _trim(_TOKEN.findall(text), places)
    expansions = _abbreviations(raw)
    out: list[str] = []
    for token in tokens:
        out.append(token)
        if token in expansions:
            out.append(expansions.pop(token))
    cleaned = " ".join(out).strip()
    if cleaned:
        return cleaned
    # Nothing but noise ("CDI (H/F)"): keep the words, without the gender marker.
    folded = fold(raw)
    return " ".join(_TOKEN.findall(_strip_markers(folded))) or " ".join(_TOKEN.findall(folded))
