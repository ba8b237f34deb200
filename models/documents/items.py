"""Documents of compétences, savoirs and contextes de travail."""

from pydantic import Field

from models.base import RomeRecord
from models.competences import ItemTransitions
from models.documents.common import CodeLabel, FicheUsage
from models.vocab import (
    CompetenceCategorie,
    CompetenceKind,
    CompetenceSousCategorie,
    ContexteType,
    Riasec,
    SavoirCategorie,
)


class CompetencePath(RomeRecord):
    """Where a compétence sits: domaine > enjeu > objectif > macro-compétence."""

    domaine: CodeLabel | None = Field(description="Domaine de compétences, e.g. 1.")
    enjeu: CodeLabel | None = Field(description="Enjeu, e.g. 1A.")
    objectif: CodeLabel | None = Field(description="Objectif, e.g. 1A1.")
    macro: CodeLabel | None = Field(description="Macro-compétence (code = tree code 1A101).")
    code_ogr_macro: str | None = Field(description="OGR code of the macro-compétence.")


class CompetenceDocument(RomeRecord):
    """A savoir-faire, macro-compétence or savoir-être with its tree path and fiches."""

    id: str = Field(description="Stable document id: the OGR code.")
    code_ogr: str = Field(description="OGR code.")
    libelle: str = Field(description="Label, original spelling.")
    libelle_normalise: str = Field(description="Label normalised for matching.")
    kind: CompetenceKind = Field(description="savoir_faire, macro_competence or savoir-être.")
    categorie: CompetenceCategorie = Field(description="Savoir-faire or savoir-être.")
    sous_categorie: CompetenceSousCategorie = Field(description="Technique, expert, transverse.")
    definition: str | None = Field(description="Definition when given.")
    chemin: CompetencePath = Field(description="Tree path.")
    riasec_majeur: Riasec | None = Field(description="Major RIASEC letter (macros).")
    riasec_mineur: Riasec | None = Field(description="Minor RIASEC letter (macros).")
    savoir_faire: tuple[CodeLabel, ...] = Field(description="Savoir-faire under a macro.")
    transitions: ItemTransitions = Field(description="Transition tags.")
    fiches: tuple[FicheUsage, ...] = Field(description="Fiches listing it, by ROME code.")


class SavoirDocument(RomeRecord):
    """A savoir with its catégorie and fiches."""

    id: str = Field(description="Stable document id: the OGR code.")
    code_ogr: str = Field(description="OGR code.")
    libelle: str = Field(description="Label, original spelling.")
    libelle_normalise: str = Field(description="Label normalised for matching.")
    categorie: SavoirCategorie = Field(description="Catégorie.")
    sous_categorie: str = Field(description="Sous-catégorie.")
    transitions: ItemTransitions = Field(description="Transition tags.")
    fiches: tuple[FicheUsage, ...] = Field(description="Fiches listing it, by ROME code.")


class ContexteDocument(RomeRecord):
    """A contexte de travail with its type and fiches."""

    id: str = Field(description="Stable document id: the OGR code.")
    code_ogr: str = Field(description="OGR code.")
    libelle: str = Field(description="Label, original spelling.")
    libelle_normalise: str = Field(description="Label normalised for matching.")
    code_type: str = Field(description="Code of the type.")
    type_contexte: ContexteType = Field(description="Type of contexte.")
    fiches: tuple[FicheUsage, ...] = Field(description="Fiches listing it, by ROME code.")
