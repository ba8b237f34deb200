"""Closed value sets of the ROME 4.0 export, spelled exactly as in the CSV files."""

from enum import StrEnum


class Classification(StrEnum):
    """Role of an appellation in its fiche."""

    PRINCIPALE = "PRINCIPALE"
    SYNONYME = "SYNONYME"


class FicheType(StrEnum):
    """A fiche métier is its own parent; a fiche emploi hangs under a fiche métier."""

    METIER = "metier"
    EMPLOI = "emploi"


class TransitionEcologique(StrEnum):
    """Ecological-transition category of a fiche or appellation."""

    BLANC = "Emploi Blanc"
    VERT = "Emploi Vert"
    BRUN = "Emploi Brun"
    STRATEGIQUE = "Emploi stratégique pour la Transition écologique"


class CompetenceNature(StrEnum):
    """Column `nature` of unix_referentiel_competence."""

    COMPETENCE = "Compétence"
    MACRO_COMPETENCE = "Macro-compétence"


class CompetenceCategorie(StrEnum):
    """Column `cat_comp` of unix_referentiel_competence."""

    SAVOIR_FAIRE = "Savoir-faire"
    SAVOIR_ETRE = "Savoir-être professionnel"


class CompetenceSousCategorie(StrEnum):
    """Column `sous_cat_comp` of unix_referentiel_competence."""

    TECHNIQUE = "Technique"
    TECHNIQUE_EXPERT = "Technique expert"
    TRANSVERSE = "Transverse"


class CompetenceKind(StrEnum):
    """What a compétence is, derived from nature and category."""

    SAVOIR_FAIRE = "savoir_faire"
    MACRO_COMPETENCE = "macro_competence"
    SAVOIR_ETRE = "savoir_etre_professionnel"


class Heterogeneite(StrEnum):
    """How homogeneous the savoir-faire grouped under a macro-compétence are."""

    TRES_HOMOGENE = "Très homogène"
    HOMOGENE = "Homogène"
    HETEROGENE = "Hétérogène"


class NiveauCompetence(StrEnum):
    """Level of a node of the compétence tree (domaine > enjeu > objectif > macro)."""

    DOMAINE = "domaine_competence"
    ENJEU = "enjeu"
    OBJECTIF = "objectif"
    MACRO_COMPETENCE = "macro_competence"


class SavoirCategorie(StrEnum):
    """Column `categorie_savoir` of unix_referentiel_savoir."""

    DOMAINES_EXPERTISE = "Domaines d'expertise"
    TECHNIQUES_PROFESSIONNELLES = "Techniques professionnelles"
    CERTIFICATIONS = "Certifications et habilitations"
    NORMES_PROCEDES = "Normes et procédés"
    PRODUITS_OUTILS = "Produits, outils et matières"


class ContexteType(StrEnum):
    """Column `libelle_type_cont_trav` of unix_referentiel_contexte_travail."""

    CONDITIONS = "Conditions de travail et risques professionnels"
    HORAIRES = "Horaires et durée du travail"
    LIEUX = "Lieux et déplacements"
    PUBLICS = "Publics spécifiques"
    STATUT = "Statut d'emploi"
    STRUCTURES = "Types de structures"


class CoeurMetier(StrEnum):
    """Column `coeur_metier` of unix_coherence_item (blank: not core)."""

    PRINCIPALE = "Principale"
    EMERGENTE = "Émergente"


class Riasec(StrEnum):
    """Holland RIASEC letter."""

    REALISTE = "R"
    INVESTIGATEUR = "I"
    ARTISTE = "A"
    SOCIAL = "S"
    ENTREPRENANT = "E"
    CONVENTIONNEL = "C"


class TexteType(StrEnum):
    """Column `libelle_type_texte` of unix_texte."""

    DEFINITION = "definition"
    ACCES_METIER = "acces_metier"


class NoeudDomaineType(StrEnum):
    """Column `type_provenance` of unix_cr_gd_dp_appellations: the level of the row."""

    GRAND_DOMAINE = "1"
    DOMAINE_PROFESSIONNEL = "2"
    FICHE = "3"
    APPELLATION = "4"
