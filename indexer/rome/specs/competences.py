"""Compétences and their tree, savoirs, contextes, items and the fiche <-> item links."""

from indexer.rome.convert import integer, optional
from indexer.rome.specs.common import ITEM_TRANSITIONS, official, rebuilt
from indexer.rome.table import Column, EntitySpec
from models.competences import (
    ArborescenceCompetence,
    Competence,
    ContexteTravail,
    Item,
    NoeudCompetence,
    Savoir,
)
from models.links import (
    CoherenceItem,
    LienReferentiel,
    MacroCompetenceRiasec,
)
from models.referential import (
    BlocComposition,
    Rubrique,
    TypeReferentiel,
)

COMPETENCES = EntitySpec(
    "competences",
    official("unix_referentiel_competence"),
    Competence,
    {
        "code_ogr": Column("code_ogr"),
        "nature": Column("nature"),
        "libelle": Column("libelle_competence"),
        "definition": Column("definition", optional),
        "code_ogr_macro": Column("code_ogr_macro_comp", optional),
        "code_macro": Column("code_macro_comp", optional),
        "categorie": Column("cat_comp"),
        "sous_categorie": Column("sous_cat_comp"),
        **ITEM_TRANSITIONS,
        "heterogeneite": Column("libelle_heterogeneite", optional),
        "origine": Column("libelle_origine", optional),
    },
    key=lambda r: r.code_ogr,
    key_columns=("code_ogr",),
)
NOEUDS_COMPETENCE = EntitySpec(
    "noeuds_competence",
    rebuilt("rome4_hierarchie_competences_libelles"),
    NoeudCompetence,
    {
        "niveau": Column("niveau"),
        "code": Column("code_fonctionnel"),
        "libelle": Column("libelle"),
        "code_parent": Column("code_parent", optional),
    },
    key=lambda r: r.code,
    key_columns=("code_fonctionnel",),
    required=False,
)
ARBORESCENCE_COMPETENCES = EntitySpec(
    "arborescence_competences",
    rebuilt("rome4_arborescence_competences"),
    ArborescenceCompetence,
    {
        "code_domaine": Column("code_domaine_competence"),
        "code_enjeu": Column("code_enjeu"),
        "code_objectif": Column("code_objectif"),
        "code_macro": Column("code_macro_competence"),
        "code_ogr_macro": Column("code_ogr_macro_competence"),
        "code_ogr_competence": Column("code_ogr_competence", optional),
    },
    key=lambda r: (r.code_ogr_macro, r.code_ogr_competence),
    key_columns=("code_ogr_macro_competence", "code_ogr_competence"),
    required=False,
)
MACRO_RIASEC = EntitySpec(
    "macro_competence_riasec",
    official("unix_referentiel_macro_competence_riasec"),
    MacroCompetenceRiasec,
    {
        "code_ogr": Column("code_ogr"),
        "majeur": Column("riasec_majeur", optional),
        "mineur": Column("riasec_mineur", optional),
    },
    key=lambda r: r.code_ogr,
    key_columns=("code_ogr",),
)
SAVOIRS = EntitySpec(
    "savoirs",
    official("unix_referentiel_savoir"),
    Savoir,
    {
        "code_ogr": Column("code_ogr_savoir"),
        "libelle": Column("libelle_savoir"),
        "categorie": Column("categorie_savoir"),
        "sous_categorie": Column("sous_categorie_savoir"),
        **ITEM_TRANSITIONS,
    },
    key=lambda r: r.code_ogr,
    key_columns=("code_ogr_savoir",),
)
CONTEXTES = EntitySpec(
    "contextes",
    official("unix_referentiel_contexte_travail"),
    ContexteTravail,
    {
        "code_ogr": Column("code_ogr"),
        "libelle": Column("libelle_cont_travail"),
        "code_type": Column("code_type_cont_trav"),
        "type_contexte": Column("libelle_type_cont_trav"),
    },
    key=lambda r: r.code_ogr,
    key_columns=("code_ogr",),
)
ITEMS = EntitySpec(
    "items",
    official("unix_item"),
    Item,
    {
        "code_ogr": Column("code_ogr"),
        "libelle": Column("libelle"),
        "code_rubrique": Column("code_rubrique", optional),
    },
    key=lambda r: r.code_ogr,
    key_columns=("code_ogr",),
)
BLOCS = EntitySpec(
    "blocs",
    official("unix_composition_bloc"),
    BlocComposition,
    {"code": Column("code_compo_bloc"), "libelle": Column("libelle_bloc")},
    key=lambda r: r.code,
    key_columns=("code_compo_bloc",),
)
RUBRIQUES = EntitySpec(
    "rubriques",
    official("unix_descriptif_rubrique"),
    Rubrique,
    {
        "code": Column("code_rubrique"),
        "code_bloc": Column("code_compo_bloc"),
        "position": Column("position_rubrique", integer),
        "libelle": Column("libelle_rubrique"),
    },
    key=lambda r: r.code,
    key_columns=("code_rubrique",),
)
TYPES_REFERENTIEL = EntitySpec(
    "types_referentiel",
    official("unix_type_referentiel"),
    TypeReferentiel,
    {"code": Column("code_type_referentiel"), "libelle": Column("libelle_type_referentiel")},
    key=lambda r: r.code,
    key_columns=("code_type_referentiel",),
)
COHERENCE = EntitySpec(
    "coherence_items",
    official("unix_coherence_item"),
    CoherenceItem,
    {
        "code_rome": Column("code_rome"),
        "code_ogr": Column("code_ogr"),
        "coeur_metier": Column("coeur_metier", optional),
    },
    key=lambda r: (r.code_rome, r.code_ogr),
    key_columns=("code_rome", "code_ogr"),
)
LIENS = EntitySpec(
    "liens_referentiels",
    official("unix_liens_rome_referentiels"),
    LienReferentiel,
    {
        "code_rome": Column("code_rome"),
        "code_bloc": Column("code_compo_bloc"),
        "code_rubrique": Column("code_rubrique", optional),
        "code_ogr": Column("code_ogr"),
    },
    key=lambda r: (r.code_rome, r.code_bloc, r.code_rubrique, r.code_ogr),
    key_columns=("code_rome", "code_compo_bloc", "code_rubrique", "code_ogr"),
)
