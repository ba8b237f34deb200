"""Rank a métier's compétences the way recruiters label them.

Candidates are the items of the likely fiches métier (weighted by their probabilities), the
items training ads of those fiches labelled, and any label the text's words reach. A LightGBM
lambdarank model, calibrated to a probability (Platt), scores each from: the probability mass
of the fiches listing it (and as coeur de métier), how often training ads of those fiches label
it (smoothed towards its overall rate), its overall label rate, its kind, and the share of its
content words the text has. The artefact is one JSON file (tables, the booster's text dump, the
calibration), loadable without pickle.
"""

import json
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

import lightgbm as lgb
import numpy as np

from ranking.text import words

FORMAT = "metierscope-competence-ranker/2"  # bumped whenever the JSON changes meaning
ARTEFACT_FILE = "competence-ranker.json"
TOP_FICHES = 10  # fiche probabilities the ranker reads (the classifier's best ten)
KINDS = ("savoir-faire", "macro", "savoir-etre", "savoir")
SMOOTHING = 5.0  # pseudo-ads pulling a fiche's label rate towards the item's overall rate
RATE_FLOOR = 1e-4  # rates are compared in log space; an unseen item gets this
MIN_FICHE_PROBABILITY = 0.02  # fiches less likely than this add no implied candidate
# A label no likely fiche implies is a candidate when the text has 60 % of its words (as the
# engine's "2<60%" minimum_should_match for a clause).
LEXICAL_REACH = 0.6
STEM = 5  # letters compared: "encadrais"/"encadrement" -> "encad" (as search_api.extraction)
_STOP = (
    "le la les un une des du de d l a au aux et ou en dans sur par pour avec sans son sa ses "
    "leur leurs ce cette ces se s"
)
STOP_WORDS = frozenset(_STOP.split())
# Label words that say nothing about the activity ("Réaliser les opérations de ...").
_GENERIC = (
    "realiser effectuer assurer mettre mise oeuvre gerer suivre definir procedure technique "
    "operation activite action regle selon besoin donnee etablir"
)
GENERIC_STEMS = frozenset(w[:STEM] for w in _GENERIC.split())
FEATURES = (
    "listed",  # probability mass of the likely fiches listing the item
    "coeur",  # same, where it is coeur de métier
    "log_fiche_rate",  # log smoothed label rate among training ads of the likely fiches
    "log_rate",  # log overall label rate
    "text_share",  # share of the label's content words in the text
    "text_full",  # 1 when the text has all of them
    "share_x_listed",  # text evidence on an item of the métier
    *(f"kind_{k}" for k in KINDS),
)


def text_stems(text: str) -> set[str]:
    """Content-word stems of a text (folded, stop words dropped)."""
    return {w[:STEM] for w in words(text) if w not in STOP_WORDS and len(w) > 1}


@lru_cache(maxsize=1 << 16)  # ~34,000 labels in the export: every one is stemmed once
def label_stems(label: str) -> frozenset[str]:
    """Content-word stems of a label; generic verbs dropped unless nothing else is left."""
    stems = frozenset(text_stems(label))
    return stems - GENERIC_STEMS or stems


def text_share(label: str, stems: set[str]) -> float:
    """Share of the label's content stems that the text has."""
    wanted = label_stems(label)
    return len(wanted & stems) / len(wanted) if wanted else 0.0


@dataclass(frozen=True)
class Scored:
    """One ranked item: `metier` is the likeliest fiche that implies it when the text itself
    does not show it (no text evidence), else None."""

    code: str
    score: float
    text_share: float
    metier: str | None


@dataclass
class FicheStats:
    """What the export and the training ads say about one fiche métier."""

    ads: float  # labelled training ads
    listed: frozenset[str]
    coeur: frozenset[str]
    labelled: dict[str, float]  # item -> ads labelling it


@dataclass
class CompetenceRanker:
    """Scores candidate items from fiche probabilities and text evidence."""

    fiches: dict[str, FicheStats]
    rates: dict[str, float]  # item -> overall label rate
    kinds: dict[str, str]
    model: str  # LightGBM booster dump (model_to_string); "" scores by fiche label rate alone
    slope: float  # Platt calibration: probability = sigmoid(slope * raw + offset)
    offset: float
    version: str = ""
    fingerprint: str = ""

    def candidates(self, fiches: Sequence[tuple[str, float]]) -> set[str]:
        """Items the likely fiches imply: listed by them or labelled by their training ads."""
        out: set[str] = set()
        for code, prob in fiches:
            stats = self.fiches.get(code)
            if stats is not None and prob >= MIN_FICHE_PROBABILITY:
                out |= stats.listed | stats.labelled.keys()
        return out

    def given(
        self, fiches: Sequence[tuple[str, float]], evidence: Mapping[str, float]
    ) -> tuple[list[str], dict[str, float]]:
        """Candidate codes, sorted, and the text evidence kept for them: the implied items
        and the labels the text reaches on its own (LEXICAL_REACH)."""
        implied = self.candidates(fiches)
        kept = {c: s for c, s in evidence.items() if s > 0 and (c in implied or s >= LEXICAL_REACH)}
        return sorted(implied | kept.keys()), kept

    def features(self, code: str, fiches: Sequence[tuple[str, float]], share: float) -> list[float]:
        """The FEATURES of one candidate."""
        rate = self.rates.get(code, 0.0)
        listed = coeur = fiche_rate = 0.0
        for fiche, prob in fiches:
            stats = self.fiches.get(fiche)
            if stats is None:
                continue
            listed += prob * (code in stats.listed)
            coeur += prob * (code in stats.coeur)
            got = stats.labelled.get(code, 0.0)
            fiche_rate += prob * (got + SMOOTHING * rate) / (stats.ads + SMOOTHING)
        kind = self.kinds.get(code, "savoir")
        return [
            listed,
            coeur,
            math.log(fiche_rate + RATE_FLOOR),
            math.log(rate + RATE_FLOOR),
            share,
            float(share >= 1.0),
            share * listed,
            *(float(kind == k) for k in KINDS),
        ]

    @cached_property
    def booster(self) -> lgb.Booster | None:
        """The booster, parsed once."""
        return lgb.Booster(model_str=self.model) if self.model else None

    def raw(self, rows: Sequence[Sequence[float]]) -> np.ndarray:
        """Uncalibrated ranking scores of feature rows."""
        matrix = np.asarray(rows, dtype=np.float64).reshape(-1, len(FEATURES))
        if self.booster is None:
            return matrix[:, FEATURES.index("log_fiche_rate")]
        return np.asarray(self.booster.predict(matrix, num_threads=1), dtype=np.float64)

    def probabilities(self, rows: Sequence[Sequence[float]]) -> np.ndarray:
        """Calibrated probability that a recruiter labels each item."""
        return 1 / (1 + np.exp(-(self.slope * self.raw(rows) + self.offset)))

    def score(
        self, fiches: Sequence[tuple[str, float]], evidence: Mapping[str, float]
    ) -> list[Scored]:
        """Score the implied candidates and the items with text evidence, best first.

        `fiches`: (fiche métier code, probability) from `FicheClassifier.predict`;
        `evidence`: item code -> `text_share` of its label, for every label the engine or the
        caller found (items absent count as 0)."""
        codes, kept = self.given(fiches, evidence)
        shares = [kept.get(code, 0.0) for code in codes]
        probs = self.probabilities(
            [self.features(c, fiches, s) for c, s in zip(codes, shares, strict=True)]
        )
        ranked = []
        likeliest = sorted(fiches, key=lambda f: -f[1])
        for code, share, prob in zip(codes, shares, probs.tolist(), strict=True):
            implied = None
            if share == 0:
                implied = next((f for f, _ in likeliest if self._implies(f, code)), None)
            ranked.append(Scored(code, float(prob), share, implied))
        return sorted(ranked, key=lambda s: (-s.score, s.code))

    def _implies(self, fiche: str, code: str) -> bool:
        """The fiche lists the item or its training ads label it."""
        stats = self.fiches.get(fiche)
        return stats is not None and (code in stats.listed or code in stats.labelled)

    def save(self, path: Path) -> None:
        """Write the ranker as JSON."""
        doc: dict[str, Any] = {
            "format": FORMAT,
            "version": self.version,
            "fingerprint": self.fingerprint,
            "features": list(FEATURES),
            "model": self.model,
            "slope": self.slope,
            "offset": self.offset,
            "rates": self.rates,
            "kinds": self.kinds,
            "fiches": {
                code: {
                    "ads": s.ads,
                    "listed": sorted(s.listed),
                    "coeur": sorted(s.coeur),
                    "labelled": s.labelled,
                }
                for code, s in sorted(self.fiches.items())
            },
        }
        path.write_text(json.dumps(doc, ensure_ascii=False, sort_keys=True), encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> "CompetenceRanker":
        """Read a ranker written by `save`."""
        doc = json.loads(path.read_text(encoding="utf-8"))
        if doc["format"] != FORMAT or doc["features"] != list(FEATURES):
            raise ValueError(f"{path}: not a {FORMAT} file with features {FEATURES}")
        return cls(
            fiches={
                code: FicheStats(
                    float(s["ads"]), frozenset(s["listed"]), frozenset(s["coeur"]), s["labelled"]
                )
                for code, s in doc["fiches"].items()
            },
            rates=doc["rates"],
            kinds=doc["kinds"],
            model=str(doc["model"]),
            slope=float(doc["slope"]),
            offset=float(doc["offset"]),
            version=str(doc["version"]),
            fingerprint=str(doc["fingerprint"]),
        )


def evidence_of(text: str, labels: Iterable[tuple[str, str]]) -> dict[str, float]:
    """`text_share` of each (code, label) against the text, zeros left out."""
    stems = text_stems(text)
    shares = ((code, text_share(label, stems)) for code, label in labels)
    return {code: share for code, share in shares if share > 0}
