"""Which file, columns and model each entity of the export is read from.

File patterns carry the version as a wildcard (`_v460_`, `_v461_`…). Column names are the
export's own, typos included (`code_domaine_professionel` in unix_cr_gd_dp).
"""

from indexer.rome.convert import integer, o_n, optional, optional_o_n, oui_non, sql_text
from indexer.rome.table import Column, EntitySpec
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


def _official(stem: str) -> str:
    return f"{stem}_v[0-9]*_utf8.csv"


def _rebuilt(stem: str) -> str:
    return f"{stem}_v[0-9]*_reconstruit.csv"


def _first_letter(value: str) -> str:
    return value.strip()[:1]


_EMPLOI_TAGS = {
    "tags.transition_eco": Column("transition_eco", optional),
    "tags.transition_num": Column("transition_num", optional_o_n),
    "tags.transition_demo": Column("transition_demo", optional_o_n),
    "tags.emploi_reglemente": Column("emploi_reglemente", optional_o_n),
    "tags.emploi_cadre": Column("emploi_cadre", optional_o_n),
}
_ITEM_TRANSITIONS = {
    "transitions.transition_eco": Column("transition_eco", optional_o_n),
    "transitions.transition_num": Column("transition_num", optional_o_n),
}

GRANDS_DOMAINES = EntitySpec(
    "grands_domaines",
    _official("unix_grand_domaine"),
    GrandDomaine,
    {"code": Column("code_grand_domaine"), "libelle": Column("libelle_grand_domaine")},
    key=lambda r: r.code,
    key_columns=("code_grand_domaine",),
)
DOMAINES_PROFESSIONNELS = EntitySpec(
    "domaines_professionnels",
    _official("unix_domaine_professionnel"),
    DomaineProfessionnel,
    {
        "code": Column("code_domaine_professionnel"),
        "libelle": Column("libelle_domaine_professionnel"),
        "code_grand_domaine": Column("code_domaine_professionnel", _first_letter),
    },
    key=lambda r: r.code,
    key_columns=("code_domaine_professionnel",),
)
FICHES = EntitySpec(
    "fiches",
    _official("unix_referentiel_code_rome"),
    Fiche,
    {
        "code_rome": Column("code_rome"),
        "code_fiche_metier": Column("code_fiche_metier"),
        "code_ogr": Column("code_ogr"),
        "libelle": Column("libelle_rome"),
        **_EMPLOI_TAGS,
        "code_rome_parent": Column("code_rome_parent"),
    },
    key=lambda r: r.code_rome,
    key_columns=("code_rome",),
)
APPELLATIONS = EntitySpec(
    "appellations",
    _official("unix_referentiel_appellation"),
    Appellation,
    {
        "code_ogr": Column("code_ogr"),
        "libelle_long": Column("libelle_appellation_long"),
        "libelle_court": Column("libelle_appellation_court"),
        "code_rome": Column("code_rome"),
        **_EMPLOI_TAGS,
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
    _official("unix_texte"),
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
COMPETENCES = EntitySpec(
    "competences",
    _official("unix_referentiel_competence"),
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
        **_ITEM_TRANSITIONS,
        "heterogeneite": Column("libelle_heterogeneite", optional),
        "origine": Column("libelle_origine", optional),
    },
    key=lambda r: r.code_ogr,
    key_columns=("code_ogr",),
)
NOEUDS_COMPETENCE = EntitySpec(
    "noeuds_competence",
    _rebuilt("rome4_hierarchie_competences_libelles"),
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
    _rebuilt("rome4_arborescence_competences"),
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
SAVOIRS = EntitySpec(
    "savoirs",
    _official("unix_referentiel_savoir"),
    Savoir,
    {
        "code_ogr": Column("code_ogr_savoir"),
        "libelle": Column("libelle_savoir"),
        "categorie": Column("categorie_savoir"),
        "sous_categorie": Column("sous_categorie_savoir"),
        **_ITEM_TRANSITIONS,
    },
    key=lambda r: r.code_ogr,
    key_columns=("code_ogr_savoir",),
)
CONTEXTES = EntitySpec(
    "contextes",
    _official("unix_referentiel_contexte_travail"),
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
    _official("unix_item"),
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
    _official("unix_composition_bloc"),
    BlocComposition,
    {"code": Column("code_compo_bloc"), "libelle": Column("libelle_bloc")},
    key=lambda r: r.code,
    key_columns=("code_compo_bloc",),
)
RUBRIQUES = EntitySpec(
    "rubriques",
    _official("unix_descriptif_rubrique"),
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
    _official("unix_type_referentiel"),
    TypeReferentiel,
    {"code": Column("code_type_referentiel"), "libelle": Column("libelle_type_referentiel")},
    key=lambda r: r.code,
    key_columns=("code_type_referentiel",),
)
COHERENCE = EntitySpec(
    "coherence_items",
    _official("unix_coherence_item"),
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
    _official("unix_liens_rome_referentiels"),
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
MOBILITES = EntitySpec(
    "mobilites",
    _official("unix_rubrique_mobilite"),
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
    _official("unix_referentiel_code_rome_riasec"),
    FicheRiasec,
    {
        "code_rome": Column("code_rome"),
        "majeur": Column("riasec_majeur"),
        "mineur": Column("riasec_mineur", optional),
    },
    key=lambda r: r.code_rome,
    key_columns=("code_rome",),
)
MACRO_RIASEC = EntitySpec(
    "macro_competence_riasec",
    _official("unix_referentiel_macro_competence_riasec"),
    MacroCompetenceRiasec,
    {
        "code_ogr": Column("code_ogr"),
        "majeur": Column("riasec_majeur", optional),
        "mineur": Column("riasec_mineur", optional),
    },
    key=lambda r: r.code_ogr,
    key_columns=("code_ogr",),
)
FICHE_DOMAINES = EntitySpec(
    "fiche_domaines",
    _official("unix_cr_gd_dp"),
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
    _official("unix_cr_gd_dp_appellations"),
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
SECTEURS_ACTIVITE = EntitySpec(
    "secteurs_activite",
    _official("unix_secteur_activite"),
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
    _official("unix_sous_secteur_activite"),
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
    _official("unix_arborescence_secteur_activite"),
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
    _official("unix_centre_interet"),
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
    _official("unix_arborescence_centre_interet"),
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
    _official("unix_themes"),
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
    _official("unix_arborescence_thematique"),
    FicheTheme,
    {"code_rome": Column("code_rome"), "code_theme": Column("code_theme")},
    key=lambda r: (r.code_rome, r.code_theme),
    key_columns=("code_rome", "code_theme"),
)
SECTEURS_NAF = EntitySpec(
    "secteurs_naf",
    _official("unix_secteur_naf"),
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
    _official("unix_arborescence_secteur_naf"),
    FicheSecteurNaf,
    {"code_rome": Column("code_rome"), "code_secteur_naf": Column("code_secteur_naf")},
    key=lambda r: (r.code_rome, r.code_secteur_naf),
    key_columns=("code_rome", "code_secteur_naf"),
)
