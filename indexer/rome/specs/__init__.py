"""Which file, columns and model each entity of the export is read from.

File patterns carry the version as a wildcard (`_v460_`, `_v461_`…). Column names are the
export's own, typos included (`code_domaine_professionel` in unix_cr_gd_dp).
"""

from indexer.rome.specs.classifications import (
    CENTRES_INTERET,
    FICHE_CENTRES_INTERET,
    FICHE_SECTEURS_ACTIVITE,
    FICHE_SECTEURS_NAF,
    FICHE_THEMES,
    SECTEURS_ACTIVITE,
    SECTEURS_NAF,
    SOUS_SECTEURS_ACTIVITE,
    THEMES,
)
from indexer.rome.specs.competences import (
    ARBORESCENCE_COMPETENCES,
    BLOCS,
    COHERENCE,
    COMPETENCES,
    CONTEXTES,
    ITEMS,
    LIENS,
    MACRO_RIASEC,
    NOEUDS_COMPETENCE,
    RUBRIQUES,
    SAVOIRS,
    TYPES_REFERENTIEL,
)
from indexer.rome.specs.fiches import (
    APPELLATIONS,
    ARBORESCENCE_DOMAINES,
    DOMAINES_PROFESSIONNELS,
    FICHE_DOMAINES,
    FICHE_RIASEC,
    FICHES,
    GRANDS_DOMAINES,
    MOBILITES,
    TEXTES,
)

__all__ = [
    "APPELLATIONS",
    "ARBORESCENCE_COMPETENCES",
    "ARBORESCENCE_DOMAINES",
    "BLOCS",
    "CENTRES_INTERET",
    "COHERENCE",
    "COMPETENCES",
    "CONTEXTES",
    "DOMAINES_PROFESSIONNELS",
    "FICHES",
    "FICHE_CENTRES_INTERET",
    "FICHE_DOMAINES",
    "FICHE_RIASEC",
    "FICHE_SECTEURS_ACTIVITE",
    "FICHE_SECTEURS_NAF",
    "FICHE_THEMES",
    "GRANDS_DOMAINES",
    "ITEMS",
    "LIENS",
    "MACRO_RIASEC",
    "MOBILITES",
    "NOEUDS_COMPETENCE",
    "RUBRIQUES",
    "SAVOIRS",
    "SECTEURS_ACTIVITE",
    "SECTEURS_NAF",
    "SOUS_SECTEURS_ACTIVITE",
    "TEXTES",
    "THEMES",
    "TYPES_REFERENTIEL",
]
