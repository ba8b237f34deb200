"""Response models of the records routes: fiches, compétences, métiers proches."""

from typing import Literal

from pydantic import BaseModel, Field

from models.documents import CompetenceDoc, FicheDoc, FichePage
from search_api import examples
from search_api.common.schemas import example


class Fiche(FichePage):
    """A complete fiche métier or emploi: its document without the flat code lists."""

    model_config = example(examples.FICHE)

    @classmethod
    def of(cls, doc: FicheDoc) -> "Fiche":
        """The response of a fiche document (its attributes of the same name)."""
        return cls.model_validate(doc, from_attributes=True)


class CompetenceDetail(CompetenceDoc):
    """A compétence with its tree path and the fiches that mobilise it: its whole document."""

    model_config = example(examples.COMPETENCE)

    @classmethod
    def of(cls, doc: CompetenceDoc) -> "CompetenceDetail":
        """The response of a compétence document."""
        return cls.model_validate(doc, from_attributes=True)


class CompetenceRef(BaseModel):
    """A macro-compétence named in a proximity."""

    code: str = Field(description="OGR code of the macro-compétence.")
    libelle: str = Field(description="Label.")


class Proche(BaseModel):
    """A métier close to the source fiche."""

    code_rome: str = Field(description="Target fiche.")
    libelle: str = Field(description="Label of the target fiche.")
    source: Literal["mobilite", "competences"] = Field(
        description="`mobilite`: an official ROME mobilité; `competences`: computed."
    )
    ordre: int | None = Field(description="Rank among the official mobilités, if any.")
    score: float = Field(description="Share of the target's macro-compétences the source has.")
    shared: list[CompetenceRef] = Field(description="Macro-compétences both fiches mobilise.")
    missing: list[CompetenceRef] = Field(description="Macro-compétences only the target needs.")


class ProchesResponse(BaseModel):
    """Métiers close to a fiche: official mobilités, then computed ones."""

    model_config = example(examples.PROCHES)

    code_rome: str = Field(description="Source fiche.")
    libelle: str = Field(description="Label of the source fiche.")
    proches: list[Proche] = Field(description="Official mobilités first (by ordre), then by score.")
