"""Response models of the records routes: fiches, compétences, métiers proches."""

from typing import Any, Literal

from pydantic import BaseModel, Field

from search_api import examples
from search_api.common.schemas import CodeLabel, example


class Fiche(BaseModel):
    """A complete fiche métier or emploi."""

    model_config = example(examples.FICHE)

    code_rome: str = Field(description="ROME code.")
    libelle: str = Field(description="Title.")
    fiche_type: Literal["metier", "emploi"] = Field(description="Fiche métier or fiche emploi.")
    parent: CodeLabel = Field(description="Fiche métier above (itself for a métier).")
    enfants: list[CodeLabel] = Field(description="Fiches emploi attached to this métier.")
    appellations: list[dict[str, Any]] = Field(description="Job titles, PRINCIPALE first.")
    definition: str = Field(description="Définition, one sentence per line.")
    acces: str = Field(description="Accès au métier, one sentence per line.")
    competences: list[dict[str, Any]] = Field(
        description="Savoir-faire grouped by enjeu then macro-compétence, with coeur_metier flags."
    )
    savoirs_etre: list[dict[str, Any]] = Field(description="Savoirs-être professionnels.")
    savoirs: list[dict[str, Any]] = Field(description="Savoirs grouped by category/sub-category.")
    contextes: list[dict[str, Any]] = Field(description="Contextes de travail grouped by type.")
    secteurs: list[dict[str, Any]] = Field(description="Secteurs d'activité (principal first).")
    sous_secteurs: list[dict[str, Any]] = Field(description="Sous-secteurs d'activité.")
    secteurs_naf: list[dict[str, Any]] = Field(description="NAF sectors.")
    centres_interet: list[dict[str, Any]] = Field(description="Centres d'intérêt.")
    themes: list[dict[str, Any]] = Field(description="Thèmes.")
    grand_domaine: CodeLabel | None = Field(description="Grand domaine (A..N).")
    domaine_professionnel: CodeLabel | None = Field(description="Domaine professionnel.")
    riasec: dict[str, str | None] | None = Field(description="RIASEC majeur and mineur.")
    mobilites: list[dict[str, Any]] = Field(description="Official métiers proches, ranked.")
    transitions: list[str] = Field(description="Transition tags (écologique, numérique...).")
    emploi_reglemente: bool | None = Field(description="Regulated occupation.")
    emploi_cadre: bool | None = Field(description="Executive position.")


class CompetenceDetail(BaseModel):
    """A compétence with its tree path and the fiches that mobilise it."""

    model_config = example(examples.COMPETENCE)

    code_ogr: str = Field(description="OGR code.")
    libelle: str = Field(description="Label.")
    nature: str = Field(description="Compétence or Macro-compétence.")
    categorie: str = Field(description="Savoir-faire or Savoir-être professionnel.")
    sous_categorie: str | None = Field(description="Technique, Technique expert, Transverse.")
    definition: str | None = Field(description="Definition, when the export has one.")
    domaine: CodeLabel | None = Field(description="Domaine de compétences.")
    enjeu: CodeLabel | None = Field(description="Enjeu.")
    objectif: CodeLabel | None = Field(description="Objectif.")
    macro: dict[str, Any] | None = Field(description="Macro-compétence (itself for a macro).")
    riasec: dict[str, str | None] | None = Field(description="RIASEC profile of a macro.")
    transitions: list[str] = Field(description="Transition tags.")
    fiches: list[dict[str, Any]] = Field(description="Fiches using it, with coeur_metier.")
    fiche_count: int = Field(description="Number of fiches using it.")


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
