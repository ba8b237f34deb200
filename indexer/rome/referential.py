"""The loaded referential: every entity keyed by code, every link table, and the report."""

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property
from types import MappingProxyType
from typing import TypeVar

from indexer.rome.export import ExportTables
from indexer.rome.lookup import Lookup
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
from models.report import ValidationReport

R = TypeVar("R")


def keyed(records: Iterable[R], key: Callable[[R], str]) -> Mapping[str, R]:
    """A read-only mapping of records by key, in reading order."""
    return MappingProxyType({key(record): record for record in records})


@dataclass(frozen=True)
class Referential:
    """The whole ROME export, validated and referentially closed. Read-only."""

    grands_domaines: Mapping[str, GrandDomaine]
    domaines_professionnels: Mapping[str, DomaineProfessionnel]
    fiches: Mapping[str, Fiche]
    appellations: Mapping[str, Appellation]
    textes: tuple[FicheTexte, ...]
    noeuds_competence: Mapping[str, NoeudCompetence]
    competences: Mapping[str, Competence]
    arborescence_competences: tuple[ArborescenceCompetence, ...]
    savoirs: Mapping[str, Savoir]
    contextes: Mapping[str, ContexteTravail]
    blocs: Mapping[str, BlocComposition]
    rubriques: Mapping[str, Rubrique]
    items: Mapping[str, Item]
    types_referentiel: Mapping[str, TypeReferentiel]
    coherence_items: tuple[CoherenceItem, ...]
    liens_referentiels: tuple[LienReferentiel, ...]
    mobilites: tuple[Mobilite, ...]
    fiche_riasec: Mapping[str, FicheRiasec]
    macro_competence_riasec: Mapping[str, MacroCompetenceRiasec]
    fiche_domaines: Mapping[str, FicheDomaine]
    arborescence_domaines: tuple[NoeudArborescenceDomaine, ...]
    secteurs_activite: Mapping[str, SecteurActivite]
    sous_secteurs_activite: Mapping[str, SousSecteurActivite]
    fiche_secteurs_activite: tuple[FicheSecteurActivite, ...]
    centres_interet: Mapping[str, CentreInteret]
    fiche_centres_interet: tuple[FicheCentreInteret, ...]
    themes: Mapping[str, Theme]
    fiche_themes: tuple[FicheTheme, ...]
    secteurs_naf: Mapping[str, SecteurNaf]
    fiche_secteurs_naf: tuple[FicheSecteurNaf, ...]
    report: ValidationReport

    @cached_property
    def lookup(self) -> Lookup:
        """Groupings by fiche and by item, built on first use."""
        return Lookup.build(self)

    @classmethod
    def from_tables(cls, t: ExportTables, report: ValidationReport) -> "Referential":
        """Assemble checked tables; entities keyed by code, links as tuples."""
        return cls(
            grands_domaines=keyed(t.grands_domaines.records, lambda r: r.code),
            domaines_professionnels=keyed(t.domaines_professionnels.records, lambda r: r.code),
            fiches=keyed(t.fiches.records, lambda r: r.code_rome),
            appellations=keyed(t.appellations.records, lambda r: r.code_ogr),
            textes=t.textes.records,
            noeuds_competence=keyed(t.noeuds_competence.records, lambda r: r.code),
            competences=keyed(t.competences.records, lambda r: r.code_ogr),
            arborescence_competences=t.arborescence_competences.records,
            savoirs=keyed(t.savoirs.records, lambda r: r.code_ogr),
            contextes=keyed(t.contextes.records, lambda r: r.code_ogr),
            blocs=keyed(t.blocs.records, lambda r: r.code),
            rubriques=keyed(t.rubriques.records, lambda r: r.code),
            items=keyed(t.items.records, lambda r: r.code_ogr),
            types_referentiel=keyed(t.types_referentiel.records, lambda r: r.code),
            coherence_items=t.coherence_items.records,
            liens_referentiels=t.liens_referentiels.records,
            mobilites=t.mobilites.records,
            fiche_riasec=keyed(t.fiche_riasec.records, lambda r: r.code_rome),
            macro_competence_riasec=keyed(t.macro_competence_riasec.records, lambda r: r.code_ogr),
            fiche_domaines=keyed(t.fiche_domaines.records, lambda r: r.code_rome),
            arborescence_domaines=t.arborescence_domaines.records,
            secteurs_activite=keyed(t.secteurs_activite.records, lambda r: r.code),
            sous_secteurs_activite=keyed(t.sous_secteurs_activite.records, lambda r: r.code),
            fiche_secteurs_activite=t.fiche_secteurs_activite.records,
            centres_interet=keyed(t.centres_interet.records, lambda r: r.code),
            fiche_centres_interet=t.fiche_centres_interet.records,
            themes=keyed(t.themes.records, lambda r: r.code),
            fiche_themes=t.fiche_themes.records,
            secteurs_naf=keyed(t.secteurs_naf.records, lambda r: r.code),
            fiche_secteurs_naf=t.fiche_secteurs_naf.records,
            report=report,
        )
