"""The documents of the five ROME indices, as the indexer writes them and the API reads them.

Field names are the contract with `mappings/<entity>.json`. Display structures of a fiche
(compétences grouped by enjeu and macro, savoirs by category, contextes by type) are stored
whole; the flat code lists beside them are what queries filter and match on. The `vector` the
indexer adds is not part of these models: the API never reads it back.
"""

from typing import Literal

from pydantic import MISSING, Field

from models.entities import Classification, CoeurMetier
from models.refs import ClassNode, CodeLabel, Document, FicheType, FicheUse, MacroRef, Riasec

Nature = Literal["Compétence", "Macro-compétence"]
Categorie = Literal["Savoir-faire", "Savoir-être professionnel"]


class ItemRef(Document):
    """A savoir-faire, savoir-être or savoir listed by a fiche, with its core flag there."""

    code_ogr: str = Field(description="OGR code.")
    libelle: str = Field(description="Label.")
    coeur_metier: CoeurMetier | None = Field(
        description="Core of the métier: Principale or Émergente, None otherwise."
    )


class MacroGroup(Document):
    """A macro-compétence of a fiche with the savoir-faire the fiche lists under it."""

    code_ogr: str = Field(description="OGR code ('?' for savoir-faire without a macro).")
    code: str = Field(description="Tree code, e.g. 4A201 (empty for '?').")
    libelle: str = Field(description="Label ('Autres' for '?').")
    competences: list[ItemRef] = Field(description="Savoir-faire of the fiche under this macro.")
    coeur_metier: CoeurMetier | MISSING | None = Field(
        default=MISSING,
        description="Core flag of the macro itself; absent when the fiche does not link it.",
    )


class EnjeuGroup(Document):
    """The macro-compétences of a fiche under one enjeu."""

    enjeu: CodeLabel = Field(description="Enjeu (code '?', 'Autres' when unknown).")
    domaine: CodeLabel | None = Field(description="Domaine de compétences above the enjeu.")
    macros: list[MacroGroup] = Field(description="Macro-compétences, by tree code.")


class SousCategorieSavoirs(Document):
    """The savoirs of a fiche in one sub-category."""

    sous_categorie: str = Field(description="Sub-category.")
    savoirs: list[ItemRef] = Field(description="Savoirs, in the export's order.")


class CategorieSavoirs(Document):
    """The savoirs of a fiche in one category, by sub-category."""

    categorie: str = Field(description="Category, e.g. Techniques professionnelles.")
    sous_categories: list[SousCategorieSavoirs] = Field(description="Alphabetical.")


class ContexteRef(Document):
    """A contexte de travail listed by a fiche."""

    code_ogr: str = Field(description="OGR code.")
    libelle: str = Field(description="Label.")


class ContexteGroup(Document):
    """The contextes de travail of a fiche of one type."""

    type: str = Field(description="Label of the contexte type.")
    contextes: list[ContexteRef] = Field(description="Contextes, in the export's order.")


class FicheAppellation(Document):
    """A job title of a fiche."""

    code_ogr: str = Field(description="OGR code of the appellation.")
    libelle: str = Field(description="Masculine / feminine label.")
    classification: Classification = Field(description="PRINCIPALE or SYNONYME.")
    peu_usite: bool = Field(description="Rarely used title.")


class MobiliteRef(Document):
    """An official métier proche of a fiche."""

    code: str = Field(description="ROME code of the target fiche.")
    libelle: str = Field(description="Title of the target fiche.")
    ordre: int = Field(description="Rank given by the export (lower first).")


class AppellationDoc(Document):
    """A job title with its fiche and that fiche's classifications (appellations index)."""

    code_ogr: str = Field(description="OGR code, the document id.")
    libelle: str = Field(description="Masculine / feminine label.")
    libelle_court: str = Field(description="Short label.")
    formes: list[str] = Field(description="Masculine and feminine titles written out.")
    classification: Classification = Field(description="PRINCIPALE or SYNONYME.")
    peu_usite: bool = Field(description="Rarely used title.")
    emploi_reglemente: bool | None = Field(description="Regulated occupation, None if unknown.")
    emploi_cadre: bool | None = Field(description="Executive position, None if unknown.")
    transitions: list[str] = Field(description="Transition tags.")
    fiche: CodeLabel = Field(description="Fiche (métier or emploi) of the title.")
    fiche_type: FicheType = Field(description="Whether that fiche is a métier or an emploi.")
    parent: CodeLabel = Field(description="Fiche métier above that fiche (itself for a métier).")
    grand_domaine: CodeLabel | None = Field(description="Grand domaine of the fiche métier.")
    domaine_professionnel: CodeLabel | None = Field(description="Its domaine professionnel.")
    secteurs: list[ClassNode] = Field(description="Secteurs d'activité, principal first.")
    sous_secteurs: list[ClassNode] = Field(description="Sous-secteurs d'activité.")
    centres_interet: list[ClassNode] = Field(description="Centres d'intérêt.")
    themes: list[ClassNode] = Field(description="Thèmes.")


class FichePage(Document):
    """What a fiche page shows: everything of the fiche document but its flat code lists."""

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


class FicheDoc(FichePage):
    """A complete fiche métier or emploi (fiches index): the page and the flat code lists
    searches filter and score on."""

    macro_codes: list[str] = Field(description="OGR codes of its macro-compétences, sorted.")
    competence_codes: list[str] = Field(description="OGR codes of the compétences it links.")
    coeur_codes: list[str] = Field(description="Those at the core of the métier.")
    savoir_codes: list[str] = Field(description="OGR codes of its savoirs.")
    contexte_codes: list[str] = Field(description="OGR codes of its contextes de travail.")


class CompetenceDoc(Document):
    """A savoir-faire, macro-compétence or savoir-être with its tree path (competences index)."""

    code_ogr: str = Field(description="OGR code, the document id.")
    libelle: str = Field(description="Label.")
    nature: Nature = Field(description="Compétence or Macro-compétence.")
    categorie: Categorie = Field(description="Savoir-faire or Savoir-être professionnel.")
    sous_categorie: str | None = Field(description="Technique, Technique expert, Transverse.")
    definition: str | None = Field(description="Definition, when the export has one.")
    domaine: CodeLabel | None = Field(description="Domaine de compétences.")
    enjeu: CodeLabel | None = Field(description="Enjeu.")
    objectif: CodeLabel | None = Field(description="Objectif.")
    macro: MacroRef | None = Field(description="Macro-compétence (itself for a macro).")
    riasec: Riasec | None = Field(description="RIASEC profile of a macro-compétence.")
    transitions: list[str] = Field(description="Transition tags.")
    fiches: list[FicheUse] = Field(description="Fiches using it, by ROME code.")
    fiche_count: int = Field(description="Number of fiches using it.")


class SavoirDoc(Document):
    """A savoir with the fiches that list it (savoirs index)."""

    code_ogr: str = Field(description="OGR code, the document id.")
    libelle: str = Field(description="Label.")
    categorie: str = Field(description="Category, e.g. Techniques professionnelles.")
    sous_categorie: str = Field(description="Sub-category.")
    transitions: list[str] = Field(description="Transition tags.")
    fiches: list[FicheUse] = Field(description="Fiches listing it, by ROME code.")
    fiche_count: int = Field(description="Number of fiches listing it.")


class ContexteDoc(Document):
    """A contexte de travail with the fiches that list it (contextes index)."""

    code_ogr: str = Field(description="OGR code, the document id.")
    libelle: str = Field(description="Label.")
    type: CodeLabel = Field(description="Type of contexte (horaires, lieu, risques...).")
    fiches: list[FicheUse] = Field(description="Fiches listing it, by ROME code.")
    fiche_count: int = Field(description="Number of fiches listing it.")


class MacroName(Document):
    """A macro-compétence of a fiche, named (what the métiers proches show of it)."""

    code_ogr: str = Field(description="OGR code ('?' for savoir-faire without a macro).")
    libelle: str = Field(description="Label ('Autres' for '?').")


class EnjeuMacroNames(Document):
    """The names of a fiche's macro-compétences under one enjeu."""

    macros: list[MacroName] = Field(description="Macro-compétences, by tree code.")


class FicheMacros(Document):
    """What the métiers proches read of a fiche: its macro-compétences (named, without their
    savoir-faire lists) and mobilités."""

    libelle: str = Field(description="Title.")
    macro_codes: list[str] = Field(description="OGR codes of its macro-compétences, sorted.")
    competences: list[EnjeuMacroNames] = Field(description="Macro-compétences by enjeu.")
    mobilites: list[MobiliteRef] = Field(description="Official métiers proches, by ordre.")
