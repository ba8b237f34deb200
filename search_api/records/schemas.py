"""Response models of the records routes: fiches, compétences, métiers proches."""

from typing import Literal

from pydantic import BaseModel, Field

from models.documents import (
    CategorieSavoirs,
    CompetenceDoc,
    ContexteGroup,
    EnjeuGroup,
    FicheAppellation,
    FicheDoc,
    ItemRef,
    MobiliteRef,
)
from models.refs import ClassNode, CodeLabel, FicheType, Riasec
from search_api import examples
from search_api.common.schemas import example


class Fiche(BaseModel):
    """A complete fiche métier or emploi: its document without the flat code lists."""

    model_config = example(examples.FICHE)

    code_rome: str = Field(description="ROME code.")
    libelle: str = Field(description="Title.")
    fiche_type: FicheType = Field(description="Fiche métier or fiche emploi.")
    parent: CodeLabel = Field(description="Fiche métier above (itself for a métier).")
    enfants: list[CodeLabel] = Field(description="Fiches emploi attached to this métier.")
    appellations: list[FicheAppellation] = Field(description="Job titles, PRINCIPALE first.")
    definition: str = Field(description="Définition, one sentence per line.")
    acces: str = Field(description="Accès au métier, one sentence per line.")
    competences: list[EnjeuGroup] = Field(
        description="Savoir-faire grouped by enjeu then macro-compétence, with coeur_metier flags."
    )
    savoirs_etre: list[ItemRef] = Field(description="Savoirs-être professionnels.")
    savoirs: list[CategorieSavoirs] = Field(description="Savoirs grouped by category/sub-category.")
    contextes: list[ContexteGroup] = Field(description="Contextes de travail grouped by type.")
    secteurs: list[ClassNode] = Field(description="Secteurs d'activité (principal first).")
    sous_secteurs: list[ClassNode] = Field(description="Sous-secteurs d'activité.")
    secteurs_naf: list[ClassNode] = Field(description="NAF sectors.")
    centres_interet: list[ClassNode] = Field(description="Centres d'intérêt.")
    themes: list[ClassNode] = Field(description="Thèmes.")
    grand_domaine: CodeLabel | None = Field(description="Grand domaine (A..N).")
    domaine_professionnel: CodeLabel | None = Field(description="Domaine professionnel.")
    riasec: Riasec | None = Field(description="RIASEC majeur and mineur.")
    mobilites: list[MobiliteRef] = Field(description="Official métiers proches, ranked.")
    transitions: list[str] = Field(description="Transition tags (écologique, numérique...).")
    emploi_reglemente: bool | None = Field(description="Regulated occupation.")
    emploi_cadre: bool | None = Field(description="Executive position.")

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
