"""Read every file of the export into tables, before integrity checks."""

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from indexer.rome import specs
from indexer.rome.table import Table, read_table
from models.competences import (
    ArborescenceCompetence,
    Competence,
    ContexteTravail,
    Item,
    NoeudCompetence,
    Savoir,
)
from models.fiches import Appellation, Fiche, FicheTexte
from models.links import (
    CoherenceItem,
    FicheCentreInteret,
    FicheDomaine,
    FicheRiasec,
    FicheSecteurActivite,
    FicheSecteurNaf,
    FicheTheme,
    LienReferentiel,
    MacroCompetenceRiasec,
    Mobilite,
    NoeudArborescenceDomaine,
)
from models.referential import (
    BlocComposition,
    CentreInteret,
    DomaineProfessionnel,
    GrandDomaine,
    Rubrique,
    SecteurActivite,
    SecteurNaf,
    SousSecteurActivite,
    Theme,
    TypeReferentiel,
)


@dataclass(frozen=True)
class ExportTables:
    """One table per entity, in reading order."""

    grands_domaines: Table[GrandDomaine]
    domaines_professionnels: Table[DomaineProfessionnel]
    fiches: Table[Fiche]
    appellations: Table[Appellation]
    textes: Table[FicheTexte]
    noeuds_competence: Table[NoeudCompetence]
    competences: Table[Competence]
    arborescence_competences: Table[ArborescenceCompetence]
    savoirs: Table[Savoir]
    contextes: Table[ContexteTravail]
    blocs: Table[BlocComposition]
    rubriques: Table[Rubrique]
    items: Table[Item]
    types_referentiel: Table[TypeReferentiel]
    coherence_items: Table[CoherenceItem]
    liens_referentiels: Table[LienReferentiel]
    mobilites: Table[Mobilite]
    fiche_riasec: Table[FicheRiasec]
    macro_competence_riasec: Table[MacroCompetenceRiasec]
    fiche_domaines: Table[FicheDomaine]
    arborescence_domaines: Table[NoeudArborescenceDomaine]
    secteurs_activite: Table[SecteurActivite]
    sous_secteurs_activite: Table[SousSecteurActivite]
    fiche_secteurs_activite: Table[FicheSecteurActivite]
    centres_interet: Table[CentreInteret]
    fiche_centres_interet: Table[FicheCentreInteret]
    themes: Table[Theme]
    fiche_themes: Table[FicheTheme]
    secteurs_naf: Table[SecteurNaf]
    fiche_secteurs_naf: Table[FicheSecteurNaf]

    def __iter__(self) -> Iterator[Table[Any]]:
        """Every table, in declaration order."""
        return (getattr(self, f.name) for f in dataclasses.fields(self))


def read_export(folder: Path) -> ExportTables:
    """Parse every file; invalid rows are in each table's errors, nothing is raised for them."""
    return ExportTables(
        grands_domaines=read_table(folder, specs.GRANDS_DOMAINES),
        domaines_professionnels=read_table(folder, specs.DOMAINES_PROFESSIONNELS),
        fiches=read_table(folder, specs.FICHES),
        appellations=read_table(folder, specs.APPELLATIONS),
        textes=read_table(folder, specs.TEXTES),
        noeuds_competence=read_table(folder, specs.NOEUDS_COMPETENCE),
        competences=read_table(folder, specs.COMPETENCES),
        arborescence_competences=read_table(folder, specs.ARBORESCENCE_COMPETENCES),
        savoirs=read_table(folder, specs.SAVOIRS),
        contextes=read_table(folder, specs.CONTEXTES),
        blocs=read_table(folder, specs.BLOCS),
        rubriques=read_table(folder, specs.RUBRIQUES),
        items=read_table(folder, specs.ITEMS),
        types_referentiel=read_table(folder, specs.TYPES_REFERENTIEL),
        coherence_items=read_table(folder, specs.COHERENCE),
        liens_referentiels=read_table(folder, specs.LIENS),
        mobilites=read_table(folder, specs.MOBILITES),
        fiche_riasec=read_table(folder, specs.FICHE_RIASEC),
        macro_competence_riasec=read_table(folder, specs.MACRO_RIASEC),
        fiche_domaines=read_table(folder, specs.FICHE_DOMAINES),
        arborescence_domaines=read_table(folder, specs.ARBORESCENCE_DOMAINES),
        secteurs_activite=read_table(folder, specs.SECTEURS_ACTIVITE),
        sous_secteurs_activite=read_table(folder, specs.SOUS_SECTEURS_ACTIVITE),
        fiche_secteurs_activite=read_table(folder, specs.FICHE_SECTEURS_ACTIVITE),
        centres_interet=read_table(folder, specs.CENTRES_INTERET),
        fiche_centres_interet=read_table(folder, specs.FICHE_CENTRES_INTERET),
        themes=read_table(folder, specs.THEMES),
        fiche_themes=read_table(folder, specs.FICHE_THEMES),
        secteurs_naf=read_table(folder, specs.SECTEURS_NAF),
        fiche_secteurs_naf=read_table(folder, specs.FICHE_SECTEURS_NAF),
    )
