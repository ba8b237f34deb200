"""Groupings of the referential by fiche and by item, built once for the document builders."""

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from models.competences import Competence, NoeudCompetence
from models.fiches import Appellation, FicheTexte
from models.links import (
    CoherenceItem,
    FicheCentreInteret,
    FicheSecteurActivite,
    FicheSecteurNaf,
    FicheTheme,
    Mobilite,
)
from models.vocab import Classification, NiveauCompetence, TexteType

if TYPE_CHECKING:
    from indexer.rome.referential import Referential

R = TypeVar("R")


def _group(records: Iterable[R], key: str) -> Mapping[str, tuple[R, ...]]:
    grouped: defaultdict[str, list[R]] = defaultdict(list)
    for record in records:
        grouped[getattr(record, key)].append(record)
    return {code: tuple(rows) for code, rows in grouped.items()}


@dataclass(frozen=True)
class CompetencePathNodes:
    """The tree nodes above a compétence (None where the tree does not say)."""

    domaine: NoeudCompetence | None
    enjeu: NoeudCompetence | None
    objectif: NoeudCompetence | None
    macro: NoeudCompetence | None


@dataclass(frozen=True)
class Lookup:
    """Everything the builders need, grouped; tuples keep reading order unless stated."""

    appellations_by_fiche: Mapping[str, tuple[Appellation, ...]]
    """PRINCIPALE first, then synonyms in reading order."""
    children_by_fiche: Mapping[str, tuple[str, ...]]
    """Fiches emploi under each fiche métier, by ROME code."""
    textes_by_fiche: Mapping[tuple[str, TexteType], tuple[FicheTexte, ...]]
    """Sentences by position."""
    coherence_by_fiche: Mapping[str, tuple[CoherenceItem, ...]]
    coherence_by_item: Mapping[str, tuple[CoherenceItem, ...]]
    """By ROME code."""
    mobilites_by_fiche: Mapping[str, tuple[Mobilite, ...]]
    """By order."""
    secteurs_by_fiche: Mapping[str, tuple[FicheSecteurActivite, ...]]
    centres_by_fiche: Mapping[str, tuple[FicheCentreInteret, ...]]
    themes_by_fiche: Mapping[str, tuple[FicheTheme, ...]]
    naf_by_fiche: Mapping[str, tuple[FicheSecteurNaf, ...]]
    competences_by_macro: Mapping[str, tuple[Competence, ...]]
    """Savoir-faire by OGR code of their macro-compétence."""
    nodes: Mapping[str, NoeudCompetence]

    @classmethod
    def build(cls, ref: "Referential") -> "Lookup":
        """Group the referential's link tables."""
        appellations = sorted(
            ref.appellations.values(), key=lambda a: a.classification != Classification.PRINCIPALE
        )
        textes: defaultdict[tuple[str, TexteType], list[FicheTexte]] = defaultdict(list)
        for texte in ref.textes:
            textes[texte.code_rome, texte.type_texte].append(texte)
        children: defaultdict[str, list[str]] = defaultdict(list)
        for fiche in ref.fiches.values():
            if fiche.code_rome_parent != fiche.code_rome:
                children[fiche.code_rome_parent].append(fiche.code_rome)
        return cls(
            appellations_by_fiche=_group(appellations, "code_rome"),
            children_by_fiche={code: tuple(sorted(rows)) for code, rows in children.items()},
            textes_by_fiche={
                key: tuple(sorted(rows, key=lambda t: t.position)) for key, rows in textes.items()
            },
            coherence_by_fiche=_group(ref.coherence_items, "code_rome"),
            coherence_by_item=_group(
                sorted(ref.coherence_items, key=lambda c: c.code_rome), "code_ogr"
            ),
            mobilites_by_fiche=_group(sorted(ref.mobilites, key=lambda m: m.ordre), "code_rome"),
            secteurs_by_fiche=_group(ref.fiche_secteurs_activite, "code_rome"),
            centres_by_fiche=_group(ref.fiche_centres_interet, "code_rome"),
            themes_by_fiche=_group(ref.fiche_themes, "code_rome"),
            naf_by_fiche=_group(ref.fiche_secteurs_naf, "code_rome"),
            competences_by_macro=_group(
                (c for c in ref.competences.values() if c.code_ogr_macro), "code_ogr_macro"
            ),
            nodes=ref.noeuds_competence,
        )

    def path(self, macro_code: str | None) -> CompetencePathNodes:
        """Nodes above (and including) the macro-compétence with tree code `macro_code`."""
        found: dict[NiveauCompetence, NoeudCompetence] = {}
        code = macro_code
        while code is not None and (node := self.nodes.get(code)) is not None:
            found[node.niveau] = node
            code = node.code_parent
        return CompetencePathNodes(
            domaine=found.get(NiveauCompetence.DOMAINE),
            enjeu=found.get(NiveauCompetence.ENJEU),
            objectif=found.get(NiveauCompetence.OBJECTIF),
            macro=found.get(NiveauCompetence.MACRO_COMPETENCE),
        )

    def texte(self, code_rome: str, type_texte: TexteType) -> str:
        """A fiche text: its sentences in position order, one per line."""
        return "\n".join(t.texte for t in self.textes_by_fiche.get((code_rome, type_texte), ()))
