"""Small records nested in index documents: code + label references, classification nodes,
RIASEC profiles, the fiches that use an item.

`Document` is the base of every index document and of the parts the API reads of one: unknown
keys (the `vector` the indexer adds, a field a newer indexer writes) are ignored on reading.
A field typed `... | MISSING` is a key that may be absent from the JSON (never written as
null): serialising leaves it out exactly as the indexer always has.
"""

from typing import Literal, TypeVar

from pydantic import MISSING, BaseModel, ConfigDict, Field

from models.entities import CoeurMetier

FicheType = Literal["metier", "emploi"]
T = TypeVar("T")


class Document(BaseModel):
    """Base of the index documents and their nested records."""

    model_config = ConfigDict(extra="ignore")


def given(value: T | MISSING) -> T | None:
    """The value of a field that may be absent from the document, None when it is."""
    return None if value is MISSING else value


class CodeLabel(Document):
    """A code and its label: a fiche, a domaine, a territory..."""

    code: str = Field(description="Code (ROME, OGR, tree, INSEE...).")
    libelle: str = Field(description="Label.")


class ClassNode(Document):
    """A classification node of a fiche (secteur, sous-secteur, NAF, centre d'intérêt, thème)."""

    code: str = Field(description="Code of the node.")
    libelle: str = Field(description="Label.")
    principal: bool | None = Field(description="Main node of the fiche, None when not given.")


class Riasec(Document):
    """RIASEC profile of a fiche or macro-compétence."""

    majeur: str = Field(description="Major RIASEC letter.")
    mineur: str | None = Field(description="Minor RIASEC letter, if any.")


class FicheUse(Document):
    """A fiche that uses a compétence, savoir or contexte."""

    code: str = Field(description="ROME code of the fiche.")
    libelle: str = Field(description="Title of the fiche.")
    coeur_metier: CoeurMetier | None = Field(
        description="Core of that métier: Principale or Émergente, None otherwise."
    )


class MacroRef(Document):
    """A macro-compétence by OGR and tree code."""

    code_ogr: str = Field(description="OGR code ('?' for the 'Autres' group of a fiche).")
    code: str = Field(description="Tree code, e.g. 4A201 (empty when unknown).")
    libelle: str = Field(description="Label.")
