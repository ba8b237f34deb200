""" "Ce que j'ai fait" as the page shows it: the text with the words behind the compétences
marked and the negated clauses struck through, the compétences grouped by macro-compétence,
and a French reason when nothing was found."""

from dataclasses import dataclass

from markupsafe import Markup

from search_api.profile.extraction import (
    NOT_FRENCH,
    NOTHING_ABOVE,
    NOTHING_TO_READ,
    Extraction,
)
from search_api.web.marked import excerpts, marked
from search_api.web.skills import FoundSkill, Group, found_skill, grouped

REASONS = {
    NOT_FRENCH: "Le texte ne semble pas écrit en français : MétierScope lit les descriptions "
    "en français.",
    NOTHING_TO_READ: "Aucune activité n’a été trouvée. Décrivez ce que vous faisiez, par "
    "exemple « j’ai tenu la caisse ».",
    NOTHING_ABOVE: "Aucune compétence n’est assez sûre. Décrivez vos tâches plus en détail.",
}


@dataclass(frozen=True)
class ReadingView:
    """What the result shows."""

    text: Markup
    groups: list[Group[FoundSkill]]
    ignored: list[str]  # the negated clauses, as typed
    reason: str | None

    @property
    def codes(self) -> list[str]:
        """Every compétence found, in the page's order."""
        return [f.skill.code for g in self.groups for f in g.items]


def reason_of(message: str | None) -> str | None:
    """The French sentence for an extraction's reason (its own text if it is new)."""
    return None if message is None else REASONS.get(message, message)


def reading_view(text: str, result: Extraction) -> ReadingView:
    """The page's view of an extraction of `text`."""
    clauses = [(c.start, c.end) for c in result.reading.clauses]
    negated = [(c.start, c.end) for c in result.reading.clauses if c.negated]
    found = [found_skill(f, excerpts(text, clauses, f.evidence)) for f in result.found]
    evidence = [span for f in result.found for span in f.evidence]
    return ReadingView(
        text=marked(text, evidence, negated),
        groups=grouped(found, lambda f: f.skill),
        ignored=[c.text for c in result.reading.clauses if c.negated],
        reason=reason_of(result.reason),
    )
