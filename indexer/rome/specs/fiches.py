"""Fiches, appellations, texts and what classifies them by domaine."""

from indexer.rome.convert import integer, o_n, optional, sql_text
from indexer.rome.specs.common import EMPLOI_TAGS, first_letter, official
from indexer.rome.table import Column, EntitySpec
from models.fiches import Appellation, Fiche, FicheTexte
from models.links import (
    FicheDomaine,
    FicheRiasec,
    Mobilite,
    NoeudArborescenceDomaine,
)
from models.referential import (
    DomaineProfessionnel,
    GrandDomaine,
)

GRANDS_DOMAINES = EntitySpec(
    "grands_domaines",
    official("unix_grand_domaine"),
    GrandDomaine,
    {"code": Column("code_grand_domaine"), "libelle": Column("libelle_grand_domaine")},
    key=lambda r: r.code,
    key_columns=("code_grand_domaine",),
)
DOMAINES_PROFESSIONNELS = EntitySpec(
    "domaines_professionnels",
    official("unix_domaine_professionnel"),
    DomaineProfessionnel,
    {
        "code": Column("code_domaine_professionnel"),
        "libelle": Column("libelle_domaine_professionnel"),
        "code_grand_domaine": Column("code_domaine_professionnel", first_letter),
    },
    key=lambda r: r.code,
    key_columns=("code_domaine_professionnel",),
)
FICHES = EntitySpec(
    "fiches",
    official("unix_referentiel_code_rome"),
    Fiche,
    {
        "code_rome": Column("code_rome"),
        "code_fiche_metier": Column("code_fiche_metier"),
        "code_ogr": Column("code_ogr"),
        "libelle": Column("libelle_rome"),
        **EMPLOI_TAGS,
        "code_rome_parent": Column("code_rome_parent"),
    },
    key=lambda r: r.code_rome,
    key_columns=("code_rome",),
)
APPELLATIONS = EntitySpec(
    "appellations",
    official("unix_referentiel_appellation"),
    Appellation,
    {
        "code_ogr": Column("code_ogr"),
        "libelle_long": Column("libelle_appellation_long"),
        "libelle_court": Column("libelle_appellation_court"),
        "code_rome": Column("code_rome"),
        **EMPLOI_TAGS,
        "classification": Column("classification"),
        "origine": Column("origine", optional),
        "code_rome_parent": Column("code_rome_parent"),
        "peu_usite": Column("peu_usite", o_n),
    },
    key=lambda r: r.code_ogr,
    key_columns=("code_ogr",),
)
TEXTES = EntitySpec(
    "textes",
    official("unix_texte"),
    FicheTexte,
    {
        "code_rome": Column("code_rome"),
        "code_bloc": Column("code_compo_bloc"),
        "type_texte": Column("libelle_type_texte"),
        "position": Column("position_phrase", integer),
        "texte": Column("libelle_texte", sql_text),
    },
    key=lambda r: (r.code_rome, r.type_texte, r.position),
    key_columns=("code_rome", "libelle_type_texte", "position_phrase"),
)
MOBILITES = EntitySpec(
    "mobilites",
    official("unix_rubrique_mobilite"),
    Mobilite,
    {
        "code_rome": Column("code_rome"),
        "code_rome_cible": Column("code_rome_cible"),
        "ordre": Column("numero_ordre", integer),
    },
    key=lambda r: (r.code_rome, r.code_rome_cible),
    key_columns=("code_rome", "code_rome_cible"),
)
FICHE_RIASEC = EntitySpec(
    "fiche_riasec",
    official("unix_referentiel_code_rome_riasec"),
    FicheRiasec,
    {
        "code_rome": Column("code_rome"),
        "majeur": Column("riasec_majeur"),
        "mineur": Column("riasec_mineur", optional),
    },
    key=lambda r: r.code_rome,
    key_columns=("code_rome",),
)
FICHE_DOMAINES = EntitySpec(
    "fiche_domaines",
    official("unix_cr_gd_dp"),
    FicheDomaine,
    {
        "code_rome": Column("code_rome"),
        "code_grand_domaine": Column("code_grand_domaine"),
        "code_domaine_professionnel": Column("code_domaine_professionel"),
    },
    key=lambda r: r.code_rome,
    key_columns=("code_rome",),
)
ARBORESCENCE_DOMAINES = EntitySpec(
    "arborescence_domaines",
    official("unix_cr_gd_dp_appellations"),
    NoeudArborescenceDomaine,
    {
        "type_noeud": Column("type_provenance"),
        "code_grand_domaine": Column("code_grand_domaine", optional),
        "code_domaine_professionnel": Column("code_domaine_professionnel", optional),
        "numero_fiche": Column("numero_fiche_rome", optional),
        "intitule": Column("intitule", optional),
        "libelle_appellation_long": Column("libelle_appellation_long", optional),
        "libelle_appellation_court": Column("libelle_appellation_court", optional),
        "code_fiche_metier": Column("code_fiche", optional),
        "code_ogr_rome": Column("ogr_rome", optional),
        "code_ogr_appellation": Column("ogr_appellation", optional),
    },
)
