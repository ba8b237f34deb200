"""The CV form of `/profil/cv`: its fields, the `CvRequest` they make with the profile's
compétences, and the French message of each field the request refuses."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from search_api.journey.schemas import MAX_GROUPS, MAX_PER_GROUP, CompetenceGroup, CvRequest
from search_api.web.skills import Skill, grouped

EXPERIENCES = 3  # blocks on the form
EXPERIENCE_FIELDS = ("intitule", "employeur", "debut", "fin", "description")
POOLED = "Savoir-faire"  # macro-compétences held without any of their savoir-faire
ALL = "Compétences"  # the single list when there are too many headings
LABELS = {
    "nom": "Prénom et nom",
    "metier": "Métier visé",
    "resume": "En quelques lignes",
    "email": "Adresse e-mail",
    "telephone": "Téléphone",
    "ville": "Ville",
    "intitule": "Intitulé du poste",
    "employeur": "Employeur, lieu",
    "debut": "Début",
    "fin": "Fin",
    "description": "Ce que vous y avez fait",
    "competences": "Compétences",
}
CONTACT = ("email", "telephone", "ville")


@dataclass(frozen=True)
class FieldError:
    """A refused field: its form name and the message shown next to it."""

    name: str
    message: str


def _chunks(title: str, labels: list[str]) -> list[CompetenceGroup]:
    return [
        CompetenceGroup(titre=title, competences=labels[i : i + MAX_PER_GROUP])
        for i in range(0, len(labels), MAX_PER_GROUP)
    ]


def cv_groups(skills: Sequence[Skill]) -> list[CompetenceGroup]:
    """The profile's compétences under their macro-compétence (a macro held alone joins
    `POOLED`), savoirs-être and savoirs apart; one plain list if that makes too many
    headings. Nothing is left out."""
    groups: list[CompetenceGroup] = []
    pooled: list[str] = []
    for group in grouped(skills, lambda s: s):
        labels = [s.libelle for s in group.items if s.code != group.key]
        if labels:
            groups += _chunks(group.libelle, labels)
        else:
            pooled.append(group.libelle)
    groups = _chunks(POOLED, pooled) + groups
    if len(groups) <= MAX_GROUPS:
        return groups
    return _chunks(ALL, [label for g in groups for label in g.competences])


def _given(fields: Mapping[str, str], name: str) -> str | None:
    return fields.get(name, "").strip() or None


def _experiences(fields: Mapping[str, str]) -> list[dict[str, str | None]]:
    blocks = []
    for n in range(1, EXPERIENCES + 1):
        block = {key: _given(fields, f"exp{n}_{key}") for key in EXPERIENCE_FIELDS}
        if any(block.values()):
            blocks.append(block)
    return blocks


def cv_request(fields: Mapping[str, str], groups: list[CompetenceGroup]) -> CvRequest:
    """The request the form makes (ValidationError for what it refuses)."""
    metier = _given(fields, "metier")
    body: dict[str, Any] = {
        "nom": fields.get("nom", "").strip(),
        "metier_vise": {"libelle": metier} if metier else None,
        "resume": _given(fields, "resume"),
        "contact": {key: _given(fields, key) for key in CONTACT},
        "experiences": _experiences(fields),
        "competences": [g.model_dump() for g in groups],
    }
    return CvRequest.model_validate(body)


def _name(loc: tuple[int | str, ...], fields: Mapping[str, str]) -> str:
    """The form field a validation error is about."""
    head = str(loc[0])
    if head == "contact" and len(loc) > 1:
        return str(loc[1])
    if head == "metier_vise":
        return "metier"
    if head == "experiences" and len(loc) > 2 and isinstance(loc[1], int):
        filled = [n for n in range(1, EXPERIENCES + 1) if _block_filled(fields, n)]
        return f"exp{filled[loc[1]]}_{loc[2]}"
    return head


def _block_filled(fields: Mapping[str, str], n: int) -> bool:
    return any(_given(fields, f"exp{n}_{key}") for key in EXPERIENCE_FIELDS)


def label_of(name: str) -> str:
    """The French label of a form field (`exp2_intitule` -> "Intitulé du poste (expérience 2)")."""
    if name.startswith("exp") and "_" in name:
        n, key = name[3:].split("_", 1)
        return f"{LABELS.get(key, key)} (expérience {n})"
    return LABELS.get(name, name)


def field_errors(error: ValidationError, fields: Mapping[str, str]) -> list[FieldError]:
    """One French message per refused field, in the form's order of the errors."""
    out: dict[str, FieldError] = {}
    for item in error.errors():
        name = _name(tuple(item["loc"]), fields)
        if name == "competences":
            message = "Votre profil est vide : ajoutez-y des compétences avant de faire le CV."
        elif item["type"] in {"string_too_short", "missing"} or item.get("input") is None:
            message = f"« {label_of(name)} » est à remplir."
        elif item["type"] == "string_too_long":
            message = f"« {label_of(name)} » est trop long."
        else:
            message = f"« {label_of(name)} » n’a pas la forme attendue."
        out.setdefault(name, FieldError(name, message))
    return list(out.values())
