"""The document of one fiche (métier or emploi) with everything its page shows."""

from pydantic import Field

from models.base import RomeRecord
from models.documents.common import Classements, CodeLabel, FicheRef, ItemUsage
from models.fiches import EmploiTags
from models.vocab import Classification, CoeurMetier, FicheType, Riasec


class AppellationEntry(RomeRecord):
    """An appellation listed on its fiche."""

    code_ogr: str = Field(description="OGR code.")
    libelle: str = Field(description="Long label.")
    classification: Classification = Field(description="PRINCIPALE or SYNONYME.")


class MacroGroup(RomeRecord):
    """A macro-compétence of the fiche and the savoir-faire it lists under it."""

    code_ogr: str = Field(description="OGR code of the macro-compétence.")
    code: str = Field(description="Tree code, e.g. 1A101.")
    libelle: str = Field(description="Label of the macro-compétence.")
    objectif: CodeLabel | None = Field(description="Objectif above the macro.")
    listee: bool = Field(description="The fiche lists the macro-compétence itself.")
    coeur_metier: CoeurMetier | None = Field(description="Core flag of the macro on the fiche.")
    savoir_faire: tuple[ItemUsage, ...] = Field(description="Savoir-faire listed under it.")


class EnjeuGroup(RomeRecord):
    """The fiche's compétences under one enjeu."""

    code: str | None = Field(description="Enjeu code, e.g. 1A; None when the tree is unknown.")
    libelle: str | None = Field(description="Enjeu label.")
    domaine: CodeLabel | None = Field(description="Domaine de compétences above the enjeu.")
    macros: tuple[MacroGroup, ...] = Field(description="Macro-compétences, by tree code.")


class SousCategorieGroup(RomeRecord):
    """Savoirs of one sous-catégorie."""

    sous_categorie: str = Field(description="Sous-catégorie label.")
    savoirs: tuple[ItemUsage, ...] = Field(description="Savoirs, by label.")


class SavoirCategorieGroup(RomeRecord):
    """Savoirs of one catégorie."""

    categorie: str = Field(description="Catégorie label.")
    sous_categories: tuple[SousCategorieGroup, ...] = Field(description="By sous-catégorie.")


class ContexteGroup(RomeRecord):
    """Contextes de travail of one type."""

    code_type: str = Field(description="Code of the type.")
    type_contexte: str = Field(description="Label of the type.")
    contextes: tuple[CodeLabel, ...] = Field(description="Contextes (code = OGR code).")


class MobiliteEntry(RomeRecord):
    """A close fiche, in the official order."""

    ordre: int = Field(description="Display order (1 first).")
    fiche: FicheRef = Field(description="Target fiche.")


class FicheDocument(RomeRecord):
    """A fiche with its texts, compétences, savoirs, contextes, classifications and mobilités."""

    id: str = Field(description="Stable document id: the ROME code.")
    code_rome: str = Field(description="ROME code.")
    libelle: str = Field(description="Title, original spelling.")
    libelle_normalise: str = Field(description="Title normalised for matching.")
    fiche_type: FicheType = Field(description="metier or emploi.")
    parent: FicheRef | None = Field(description="Fiche métier above a fiche emploi, else None.")
    enfants: tuple[FicheRef, ...] = Field(description="Fiches emploi under a fiche métier.")
    appellations: tuple[AppellationEntry, ...] = Field(description="Titles, PRINCIPALE first.")
    definition: str = Field(description="Définition: sentences in position order, one per line.")
    acces: str = Field(description="Accès au métier: sentences in position order, one per line.")
    competences: tuple[EnjeuGroup, ...] = Field(description="Savoir-faire by enjeu and macro.")
    savoir_etre: tuple[ItemUsage, ...] = Field(description="Savoir-être professionnels.")
    savoirs: tuple[SavoirCategorieGroup, ...] = Field(description="Savoirs by catégorie.")
    contextes: tuple[ContexteGroup, ...] = Field(description="Contextes de travail by type.")
    classements: Classements = Field(description="Domaines, secteurs, centres, thèmes, NAF.")
    riasec_majeur: Riasec | None = Field(description="Major RIASEC letter.")
    riasec_mineur: Riasec | None = Field(description="Minor RIASEC letter.")
    mobilites: tuple[MobiliteEntry, ...] = Field(description="Close fiches, official order.")
    tags: EmploiTags = Field(description="Transitions, réglementé, cadre.")
