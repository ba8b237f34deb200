"""The appellations a ranker can return, with the metadata its features need."""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from ranking.text import TITLE_FUNCTION_WORDS, normalise

STEM = 5  # a 5-letter prefix merges gender and number forms (vendeur/vendeuse -> vende)
STOP_WORDS = TITLE_FUNCTION_WORDS

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True)
class AppellationInfo:
    """One appellation as the ranker sees it (built from the referential by the trainer)."""

    code: str
    libelle: str
    libelle_court: str
    fiche: str
    parent: str
    principale: bool
    peu_usite: bool


@dataclass
class Catalog:
    """Appellations sorted by (parent, fiche, code), so each parent is one contiguous slice."""

    apps: list[AppellationInfo]
    position: dict[str, int]
    parents: list[str]
    parent_of: IntArray
    parent_start: IntArray
    fiches: list[str]
    fiche_of: IntArray
    principale: FloatArray
    peu_usite: FloatArray
    texts: list[str]
    stems: list[frozenset[str]]  # content-word stems of each label
    heads: list[frozenset[str]]  # stems of the head noun(s): first word, and first after "/"

    @classmethod
    def build(cls, infos: Iterable[AppellationInfo]) -> "Catalog":
        """Sort the appellations and index their parents and fiches."""
        apps = sorted(infos, key=lambda a: (a.parent, a.fiche, a.code))
        parents = sorted({a.parent for a in apps})
        fiches = sorted({a.fiche for a in apps} | set(parents))
        parent_pos = {p: i for i, p in enumerate(parents)}
        fiche_pos = {f: i for i, f in enumerate(fiches)}
        parent_of = np.array([parent_pos[a.parent] for a in apps], dtype=np.int64)
        starts = np.searchsorted(parent_of, np.arange(len(parents) + 1))
        return cls(
            apps=apps,
            position={a.code: i for i, a in enumerate(apps)},
            parents=parents,
            parent_of=parent_of,
            parent_start=starts.astype(np.int64),
            fiches=fiches,
            fiche_of=np.array([fiche_pos[a.fiche] for a in apps], dtype=np.int64),
            principale=np.array([a.principale for a in apps], dtype=np.float64),
            peu_usite=np.array([a.peu_usite for a in apps], dtype=np.float64),
            texts=[label_text(a) for a in apps],
            stems=[frozenset(stems(label_text(a))) for a in apps],
            heads=[heads(a.libelle) for a in apps],
        )

    def __getstate__(self) -> dict[str, object]:
        """Pickle the stem sets sorted: a set's order follows the process's string hash seed,
        which would make two trainings on the same data write different artefact bytes."""
        state = dict(self.__dict__)
        state["stems"] = [sorted(s) for s in self.stems]
        state["heads"] = [sorted(h) for h in self.heads]
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        """Restore the stem sets written by __getstate__."""
        state["stems"] = [frozenset(s) for s in state["stems"]]
        state["heads"] = [frozenset(h) for h in state["heads"]]
        self.__dict__.update(state)

    def parent_index(self, code: str) -> int:
        """Position of a fiche métier code, -1 when unknown."""
        i = int(np.searchsorted(self.parents, code))
        return i if i < len(self.parents) and self.parents[i] == code else -1

    def fiche_index(self, code: str) -> int:
        """Position of a fiche code (métier or emploi), -1 when unknown."""
        i = int(np.searchsorted(self.fiches, code))
        return i if i < len(self.fiches) and self.fiches[i] == code else -1


def label_text(app: AppellationInfo) -> str:
    """The normalised text of an appellation: long label, plus the short one if different."""
    long, short = normalise(app.libelle), normalise(app.libelle_court)
    return long if short in long else f"{long} {short}"


def stems(text: str) -> list[str]:
    """Stems of the content words of a text, in order."""
    return [w[:STEM] for w in normalise(text).split() if w not in STOP_WORDS and len(w) > 1]


def heads(label: str) -> frozenset[str]:
    """Stems of the first word of each gender form of a label ("Vendeur / Vendeuse en ...")."""
    found = set()
    for form in label.split("/"):
        words = stems(form)
        if words:
            found.add(words[0])
    return frozenset(found)
