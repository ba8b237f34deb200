"""What the autocomplete field of a document holds: its inputs and their weights (pure).

Autocomplete is served by the engine's completion suggester, which matches the letters typed
against the start of each input in an in-memory automaton and returns the heaviest inputs
first, without scoring documents. So the order is decided here, at indexing time:

- a label is an input as a whole ("infirm" finds "Infirmier / Infirmière ..."), and so is
  the label from each of its later words on ("soign" finds "Aide-soignant"), at a lower
  weight, except from an article or a preposition ("de cuisine" completes nothing useful);
- an appellation's weight grows with how often real ads mean it (its popularity in the
  title ranker's training titles), as the API's learned usefulness did on the engine's
  scores; job titles outweigh fiches, fiches compétences; shorter labels come first at
  equal standing, and peu usité titles sink, as in the search box.

The constants were chosen on prefixes of the training titles, each source typed against
weights whose popularity never counted it (docs/performance.md, "Autocomplete"); preferring
a fiche's PRINCIPALE title, as the search box does, lost there and is left out.
"""

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ranking.text import TITLE_FUNCTION_WORDS, WORD, fold
from ranking.titles import ARTEFACT_FILE, ArtefactError, TitleRanker

ENTITY_WEIGHT = {"appellations": 2.0, "fiches": 1.5, "competences": 1.0}
LATER_WORD = 0.5  # an input starting at a later word of the label, against the whole label
PEU_USITE = 0.5  # rarely used titles
USEFULNESS = 1.0  # weight x (1 + USEFULNESS x log(1 + POPULARITY_SCALE x share of ads))
POPULARITY_SCALE = 1e4  # a share of 1e-4 (a few ads in 30,000) counts as ~0.7
# weight / (1 + LENGTH x characters): only a tie-break, shorter labels first at equal standing
# (0.02 ranked the shorter "Infirmier militaire" above the IDE title, 1.6 times as common)
LENGTH = 0.001
SCALE = 1000  # weights are integers


@dataclass(frozen=True)
class Popularity:
    """Share of real ads meaning each appellation, by code, from the title ranker artefact
    of `version` (no shares and no version when it was not built)."""

    shares: Mapping[str, float] = field(default_factory=dict)
    version: str | None = None

    def share(self, code: str) -> float:
        """This appellation's share (0 when unknown)."""
        return self.shares.get(code, 0.0)


NO_POPULARITY = Popularity()


def starts(label: str) -> list[str]:
    """The label, then the label from each later word that may start a title (not a single
    letter, an article, a preposition or a conjunction)."""
    out = [label]
    for word in WORD.finditer(label):
        text = fold(word.group())
        if word.start() and len(text) > 1 and text not in TITLE_FUNCTION_WORDS:
            out.append(label[word.start() :])
    return out


def suggestions(labels: Sequence[str], weight: float) -> list[dict[str, Any]]:
    """The completion field's value: the labels whole at `weight`, their later-word starts
    below it (an input already whole is not repeated)."""
    whole = list(dict.fromkeys(label for label in labels if label))
    later = list(
        dict.fromkeys(part for label in whole for part in starts(label)[1:] if part not in whole)
    )
    out = [{"input": whole, "weight": max(1, round(SCALE * weight))}]
    if later:
        out.append({"input": later, "weight": max(1, round(SCALE * weight * LATER_WORD))})
    return out


def standing(
    entity: str,
    label: str,
    *,
    share: float = 0.0,
    peu_usite: bool = False,
) -> float:
    """How far up a document's suggestions come, before the letters typed are known."""
    weight = ENTITY_WEIGHT[entity] / (1.0 + LENGTH * len(label))
    weight *= 1.0 + USEFULNESS * math.log1p(POPULARITY_SCALE * share)
    if peu_usite:
        weight *= PEU_USITE
    return weight


def load_popularity(model_dir: Path) -> Popularity:
    """The appellations' popularity from the title ranker artefact in `model_dir`; none when
    it was not built or cannot be read (suggestions then follow the other factors alone)."""
    path = model_dir / ARTEFACT_FILE
    if not path.is_file():
        return NO_POPULARITY
    try:
        ranker = TitleRanker.load(path)
    except ArtefactError:
        return NO_POPULARITY
    codes = ranker.index.catalog.position
    return Popularity({code: ranker.popularity(code) for code in codes}, ranker.version)
