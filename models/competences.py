"""Compétences (savoir-faire, macro-compétences, savoir-être), savoirs, contextes, items."""

from pydantic import Field, model_validator

from models.base import Code, CodeOgr, Label, RomeRecord
from models.vocab import (
    CompetenceCategorie,
    CompetenceKind,
    CompetenceNature,
    CompetenceSousCategorie,
    ContexteType,
    Heterogeneite,
    NiveauCompetence,
    SavoirCategorie,
)


class ItemTransitions(RomeRecord):
    """Transition tags of a compétence or savoir (None: not assessed)."""

    transition_eco: bool | None = Field(description="Linked to the ecological transition (O/N).")
    transition_num: bool | None = Field(description="Linked to the digital transition (O/N).")


class Competence(RomeRecord):
    """A savoir-faire, or a macro-compétence grouping savoir-faire (or a savoir-être)."""

    code_ogr: CodeOgr = Field(description="OGR code.")
    nature: CompetenceNature = Field(description="Compétence or Macro-compétence.")
    libelle: Label = Field(description="Label, e.g. 'Abattre un arbre'.")
    definition: str | None = Field(description="Definition (macro-compétences), None when blank.")
    code_ogr_macro: CodeOgr | None = Field(
        description="OGR code of the macro-compétence of a savoir-faire; None for a macro."
    )
    code_macro: Code | None = Field(
        description="Tree code of a macro-compétence, e.g. 1A101 (domaine 1, enjeu 1A, "
        "objectif 1A1); None for a savoir-faire."
    )
    categorie: CompetenceCategorie = Field(description="Savoir-faire or savoir-être professionnel.")
    sous_categorie: CompetenceSousCategorie = Field(
        description="Technique, Technique expert or Transverse."
    )
    transitions: ItemTransitions = Field(description="Transition tags.")
    heterogeneite: Heterogeneite | None = Field(
        description="Homogeneity of a macro-compétence, None for a savoir-faire."
    )
    origine: str | None = Field(description="Origin of the label (e.g. PIX), None when blank.")

    @model_validator(mode="after")
    def _macro_fields_match_nature(self) -> "Competence":
        if self.nature is CompetenceNature.MACRO_COMPETENCE and not self.code_macro:
            raise ValueError("a macro-compétence needs code_macro_comp")
        if self.nature is CompetenceNature.COMPETENCE and not self.code_ogr_macro:
            raise ValueError("a compétence needs code_ogr_macro_comp")
        return self

    @property
    def kind(self) -> CompetenceKind:
        """Savoir-être professionnel, macro-compétence (savoir-faire) or savoir-faire."""
        if self.categorie is CompetenceCategorie.SAVOIR_ETRE:
            return CompetenceKind.SAVOIR_ETRE
        if self.nature is CompetenceNature.MACRO_COMPETENCE:
            return CompetenceKind.MACRO_COMPETENCE
        return CompetenceKind.SAVOIR_FAIRE


class NoeudCompetence(RomeRecord):
    """A node of the compétence tree: domaine, enjeu, objectif or macro-compétence."""

    niveau: NiveauCompetence = Field(description="Level of the node.")
    code: Code = Field(description="Tree code: '1', '1A', '1A1' or '1A101'.")
    libelle: Label = Field(description="Label of the node.")
    code_parent: Code | None = Field(description="Code of the parent node, None for a domaine.")


class ArborescenceCompetence(RomeRecord):
    """One row of the rebuilt compétence tree: a savoir-faire under its macro and path."""

    code_domaine: Code = Field(description="Domaine code, e.g. '1'.")
    code_enjeu: Code = Field(description="Enjeu code, e.g. '1A'.")
    code_objectif: Code = Field(description="Objectif code, e.g. '1A1'.")
    code_macro: Code = Field(description="Macro-compétence tree code, e.g. '1A101'.")
    code_ogr_macro: CodeOgr = Field(description="OGR code of the macro-compétence.")
    code_ogr_competence: CodeOgr | None = Field(
        description="OGR code of the savoir-faire, None for a macro without savoir-faire."
    )


class Savoir(RomeRecord):
    """A savoir (knowledge, tool, certification…)."""

    code_ogr: CodeOgr = Field(description="OGR code.")
    libelle: Label = Field(description="Label, e.g. 'Techniques de soudage'.")
    categorie: SavoirCategorie = Field(description="Catégorie (5 values).")
    sous_categorie: Label = Field(description="Sous-catégorie inside the catégorie.")
    transitions: ItemTransitions = Field(description="Transition tags.")


class ContexteTravail(RomeRecord):
    """A contexte de travail (schedule, place, public, structure…)."""

    code_ogr: CodeOgr = Field(description="OGR code.")
    libelle: Label = Field(description="Label, e.g. 'Travail le samedi'.")
    code_type: Code = Field(description="Code of the type of contexte.")
    type_contexte: ContexteType = Field(description="Type of contexte.")


class Item(RomeRecord):
    """An entry of unix_item: any compétence, savoir or contexte with its rubrique."""

    code_ogr: CodeOgr = Field(description="OGR code of the compétence, savoir or contexte.")
    libelle: Label = Field(description="Label as given in unix_item.")
    code_rubrique: Code | None = Field(description="Rubrique, None for contextes.")
