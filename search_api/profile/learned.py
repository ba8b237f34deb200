"""The learned models of "ce que j'ai fait", loaded once per process: a description -> fiche
métier classifier and a compétence ranker, both built by `metierscope train`. Without them
extraction falls back to the unlearned fusion (search_api.profile.extraction) and /ready says so.
The title ranker, when loaded, reads the job title given beside the text or named in it
(ranking.named_title), as it did when the models were trained; without it the classifier alone
picks the fiches.
"""

import logging
from dataclasses import dataclass
from pathlib import Path

from ranking.competences import ARTEFACT_FILE as RANKER_FILE
from ranking.competences import MIN_FICHE_PROBABILITY, TOP_FICHES, CompetenceRanker
from ranking.descriptions import ARTEFACT_FILE as CLASSIFIER_FILE
from ranking.descriptions import FicheClassifier
from ranking.named_title import likely_fiches
from ranking.titles import TitleRanker

log = logging.getLogger("metierscope.api")
FALLBACK = "unlearned extraction (fused fiche rankings, hand-set weights)"
# The ranker's scores are calibrated probabilities that a recruiter labels the item; about four
# labels per ad spread over a hundred candidates, so 0.02 keeps what a recruiter might pick.
THRESHOLD = 0.02


@dataclass(frozen=True)
class LearnedExtraction:
    """Both artefacts; they are trained together and must share a data fingerprint."""

    classifier: FicheClassifier
    ranker: CompetenceRanker
    titles: TitleRanker | None = None

    def likely_fiches(
        self, said: str, text: str, title: str | None = None
    ) -> list[tuple[str, float]]:
        """The fiches métier the affirmative text likely describes, with their probabilities,
        best first; the job title given, or else the one named in the whole text (clauses cut
        its marker), sharpens them."""
        return likely_fiches(
            self.classifier, self.titles, said, TOP_FICHES, named_in=text, title=title
        )

    def status(self) -> dict[str, str]:
        """What /ready shows."""
        return {
            "status": "loaded",
            "version": self.ranker.version,
            "fingerprint": self.ranker.fingerprint,
            "named_title": self.titles.version if self.titles else "absent (classifier alone)",
        }


def named_fiches(fiches: list[tuple[str, float]]) -> list[str]:
    """Fiches likely enough to imply compétences (their names are evidence too)."""
    return [code for code, prob in fiches if prob >= MIN_FICHE_PROBABILITY]


def load_learned(model_dir: Path, titles: TitleRanker | None) -> LearnedExtraction | None:
    """Both artefacts (with the title ranker, if loaded), or None (logged) when either is
    missing, unreadable or from another run."""
    paths = (model_dir / CLASSIFIER_FILE, model_dir / RANKER_FILE)
    missing = [p for p in paths if not p.is_file()]
    if missing:
        log.warning("no %s: %s serves", ", ".join(map(str, missing)), FALLBACK)
        return None
    try:
        learned = LearnedExtraction(
            FicheClassifier.load(paths[0]), CompetenceRanker.load(paths[1]), titles
        )
    except (ValueError, KeyError, OSError) as e:  # another format: retrain
        log.warning("%s: %s serves until `metierscope train`", e, FALLBACK)
        return None
    if learned.classifier.fingerprint != learned.ranker.fingerprint:
        log.warning("extraction artefacts from different training runs: %s serves", FALLBACK)
        return None
    log.info("extraction models %s loaded", learned.ranker.version)
    return learned


def absent_status() -> dict[str, str]:
    """What /ready shows without the artefacts."""
    return {"status": "absent", "fallback": FALLBACK}
