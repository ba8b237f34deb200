"""Secteurs d'activité, centres d'intérêt, thèmes, NAF and their fiches."""

from indexer.rome.convert import optional, oui_non
from indexer.rome.specs.common import official
from indexer.rome.table import Column, EntitySpec
from models.links import (
    FicheCentreInteret,
    FicheSecteurActivite,
    FicheSecteurNaf,
    FicheTheme,
)
from models.referential import (
    CentreInteret,
    SecteurActivite,
    SecteurNaf,
    SousSecteurActivite,
    Theme,
)

SECTEURS_ACTIVITE = EntitySpec(
    "secteurs_activite",
    official("unix_secteur_activite"),
    SecteurActivite,
    {
        "code": Column("code_sect_activite"),
        "libelle": Column("libelle_sect_activite"),
        "definition": Column("definition_sect_activite", optional),
    },
    key=lambda r: r.code,
    key_columns=("code_sect_activite",),
)
SOUS_SECTEURS_ACTIVITE = EntitySpec(
    "sous_secteurs_activite",
    official("unix_sous_secteur_activite"),
    SousSecteurActivite,
    {
        "code": Column("code_ss_sect_activite"),
        "libelle": Column("libelle_ss_sect_activite"),
        "definition": Column("definition_ss_sect_activite", optional),
        "code_secteur": Column("code_sect_activite"),
    },
    key=lambda r: r.code,
    key_columns=("code_ss_sect_activite",),
)
FICHE_SECTEURS_ACTIVITE = EntitySpec(
    "fiche_secteurs_activite",
    official("unix_arborescence_secteur_activite"),
    FicheSecteurActivite,
    {
        "code_rome": Column("code_rome"),
        "code_secteur": Column("code_sect_activite"),
        "code_sous_secteur": Column("code_ss_sect_activite", optional),
        "principal": Column("principal", oui_non),
    },
    key=lambda r: (r.code_rome, r.code_secteur, r.code_sous_secteur),
    key_columns=("code_rome", "code_sect_activite", "code_ss_sect_activite"),
)
CENTRES_INTERET = EntitySpec(
    "centres_interet",
    official("unix_centre_interet"),
    CentreInteret,
    {
        "code": Column("code_centre_interet"),
        "libelle": Column("libelle_centre_interet"),
        "definition": Column("definition_centre_interet", optional),
    },
    key=lambda r: r.code,
    key_columns=("code_centre_interet",),
)
FICHE_CENTRES_INTERET = EntitySpec(
    "fiche_centres_interet",
    official("unix_arborescence_centre_interet"),
    FicheCentreInteret,
    {
        "code_rome": Column("code_rome"),
        "code_centre_interet": Column("code_centre_interet"),
        "principal": Column("principal", oui_non),
    },
    key=lambda r: (r.code_rome, r.code_centre_interet),
    key_columns=("code_rome", "code_centre_interet"),
)
THEMES = EntitySpec(
    "themes",
    official("unix_themes"),
    Theme,
    {
        "code": Column("code_theme"),
        "libelle": Column("libelle_theme"),
        "definition": Column("definition_theme", optional),
    },
    key=lambda r: r.code,
    key_columns=("code_theme",),
)
FICHE_THEMES = EntitySpec(
    "fiche_themes",
    official("unix_arborescence_thematique"),
    FicheTheme,
    {"code_rome": Column("code_rome"), "code_theme": Column("code_theme")},
    key=lambda r: (r.code_rome, r.code_theme),
    key_columns=("code_rome", "code_theme"),
)
SECTEURS_NAF = EntitySpec(
    "secteurs_naf",
    official("unix_secteur_naf"),
    SecteurNaf,
    {
        "code": Column("code_secteur_naf"),
        "code_technique": Column("code_tech_secteur_naf"),
        "libelle": Column("libelle_secteur_naf"),
    },
    key=lambda r: r.code,
    key_columns=("code_secteur_naf",),
)
FICHE_SECTEURS_NAF = EntitySpec(
    "fiche_secteurs_naf",
    official("unix_arborescence_secteur_naf"),
    FicheSecteurNaf,
    {"code_rome": Column("code_rome"), "code_secteur_naf": Column("code_secteur_naf")},
    key=lambda r: (r.code_rome, r.code_secteur_naf),
    key_columns=("code_rome", "code_secteur_naf"),
)
