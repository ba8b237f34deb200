"""The compétences of a profile or of a text as the journey pages show them: grouped under
their macro-compétence, savoirs-être and savoirs apart."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from markupsafe import Markup

from search_api.profile.extraction import Found
from search_api.profile.routes import competence_type

T = TypeVar("T")
# Groups of items without a macro-compétence, by kind: (key, heading).
APART = {
    "savoir-être professionnel": ("savoirs-etre", "Savoirs-être professionnels"),
    "savoir": ("savoirs", "Savoirs"),
}
OTHERS = ("autres", "Autres savoir-faire")


@dataclass(frozen=True)
class Skill:
    """A savoir-faire, macro-compétence, savoir-être or savoir, with its macro-compétence
    (itself for a macro; None for savoirs-être and savoirs)."""

    code: str
    libelle: str
    kind: str
    macro: tuple[str, str] | None  # (OGR code, label)


def skill_of(entity: str, code: str, source: dict[str, Any]) -> Skill:
    """A skill from its document (competences or savoirs index)."""
    macro = source.get("macro")
    return Skill(
        code,
        str(source["libelle"]),
        competence_type(entity, source),
        (str(macro["code_ogr"]), str(macro["libelle"])) if macro else None,
    )


@dataclass(frozen=True)
class Group(Generic[T]):
    """Items under one heading: a macro-compétence, or a kind."""

    key: str
    libelle: str
    items: list[T]


def heading(skill: Skill) -> tuple[str, str]:
    """(key, heading) of the group a skill goes in."""
    if skill.macro:
        return skill.macro
    return APART.get(skill.kind, OTHERS)


def grouped(items: Sequence[T], skill: Callable[[T], Skill]) -> list[Group[T]]:
    """Items under their heading; groups in the order of their first item, macro-compétences
    before savoirs-être and savoirs."""
    groups: dict[str, Group[T]] = {}
    for item in items:
        key, label = heading(skill(item))
        groups.setdefault(key, Group(key, label, [])).items.append(item)
    apart = {key for key, _ in APART.values()}
    return sorted(groups.values(), key=lambda g: g.key in apart)


@dataclass(frozen=True)
class FoundSkill:
    """A compétence recognised in the text: the clauses with its words marked, or the métier
    it was inferred from."""

    skill: Skill
    excerpts: list[Markup]
    metier: str | None  # "déduit du métier": the fiche's title


def found_skill(found: Found, excerpts: list[Markup]) -> FoundSkill:
    """The page's view of one extracted compétence."""
    skill = skill_of(found.entity, found.code, found.source)
    return FoundSkill(skill, excerpts, found.fiche.libelle if found.fiche else None)
