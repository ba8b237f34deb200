"""Query understanding for ad-style titles."""

import pytest

from ranking.query import clean_title
from ranking.text import fold, normalise


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Vendeur H/F", "vendeur"),
        ("Vendeur (F/H)", "vendeur"),
        ("Serveur h-f", "serveur"),
        (
            "Assistant(e) administratif(ve) et comptable (H/F)",
            "assistant administratif et comptable",
        ),
        ("Animateur.rice enfance (H/F)", "animateur enfance"),
        ("Mécanicien/ne itinérant/e (H/F)", "mecanicien itinerant"),
        ("Chef(fe) d'équipe Maçonnerie (H/F)", "chef d'equipe maconnerie"),
        ("Directrice de crèche", "directrice de creche"),
        ("Aide paysagiste", "aide paysagiste"),
        ("Chef-fe d'équipe H/F", "chef d'equipe"),
        ("Adjoint-e Responsable de Boutique H/F/X", "adjoint responsable de boutique"),
        ("Directeur (trice) de camping H/F", "directeur de camping"),
        ("Gestionnaire planning (H/F/D)", "gestionnaire planning"),
        ("Auditeur-rice financier-ère", "auditeur financier"),
        ("Employé-e polyvalent-e en station-service", "employe polyvalent en station service"),
    ],
)
def test_gender_markers_are_removed(raw, expected):
    assert clean_title(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Comptable CDI", "comptable"),
        ("Alternance - Chargé de mission marketing F/H", "charge de mission marketing"),
        ("Secrétaire médical CDD 50% (H/F)", "secretaire medical"),
        ("Stage Gestionnaire de paie", "gestionnaire de paie"),
        ("Comptable temps partiel", "comptable"),
        ("Agent d'entretien en CDI (H/F)", "agent d'entretien"),
        ("Vendeur en boulangerie en apprentissage #ARE11303", "vendeur en boulangerie"),
        ("974 Offre en Apprentissage - Conseiller.e de vente", "conseiller de vente"),
    ],
)
def test_contract_words_are_removed(raw, expected):
    assert clean_title(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Auditeur interne - Paris 15 (H/F)", "auditeur interne"),
        ("Administrateur systèmes - Toulouse (H/F)", "administrateur systemes"),
        ("Agent Service Intérieur (H/F) à ANNONAY", "agent service interieur"),
        ("Technicien itinérant (29) - H/F", "technicien itinerant"),
        ("Plombier 75015", "plombier"),
        ("Accompagnant Educatif et Social (H/F) à ROIFFIEUX P3", "accompagnant educatif et social"),
        ("Ouvrier vigneron en CDI à Mauves  h/f", "ouvrier vigneron"),
        ("Femme/Homme de ménage à Saint Péray et ses alentours (H/F)", "femme homme de menage"),
        ("Aide à Domicile (H/F)", "aide a domicile"),
        ("Vendeur Prêt à Porter", "vendeur pret a porter"),
    ],
)
def test_places_are_removed(raw, expected):
    assert clean_title(raw) == expected


def test_known_commune_names_are_dropped_from_the_end_only():
    places = {"privas", "tournon sur rhone", "annonay"}
    assert clean_title("Secrétaire médical Privas CDI 50% (H/F)", places) == "secretaire medical"
    assert clean_title("Auxiliaire de puériculture TOURNON SUR RHONE", places) == (
        "auxiliaire de puericulture"
    )
    assert clean_title("Annonay", places) == "annonay"
    assert clean_title("Annonay services", places) == "annonay services"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Agent de nettoyage #COM8991 (H/F)", "agent de nettoyage"),
        ("Gestionnaire de paie -V0824P100-47 (H/F)", "gestionnaire de paie"),
        ("Auditeur confirmé (H/F)", "auditeur"),
        ("Développeur Java Senior", "developpeur java"),
        ("Comptable junior", "comptable"),
        ("Expert diagnostic (H/F)", "expert diagnostic"),
        ("Infirmière expérimentée", "infirmiere"),
        ("Infirmier de laboratoire d&apos;analyse", "infirmier de laboratoire d'analyse"),
    ],
)
def test_hashtags_codes_and_seniority_are_removed(raw, expected):
    assert clean_title(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Chauffeur SPL", "chauffeur spl super poids lourd"),
        ("Conducteur PL (H/F)", "conducteur pl poids lourd"),
        ("Infirmier IDE nuit CDI", "infirmier ide infirmier diplome d'etat nuit"),
        ("AES en EHPAD", "aes accompagnant educatif et social en ehpad"),
        ("ASH", "ash agent de service hospitalier"),
        ("ATSEM", "atsem agent territorial specialise des ecoles maternelles"),
        ("DRH groupe", "drh directeur des ressources humaines groupe"),
        ("Conducteur de travaux BTP", "conducteur de travaux btp batiment travaux publics"),
        ("AS de nuit", "as aide soignant de nuit"),
    ],
)
def test_abbreviations_are_expanded_after_themselves(raw, expected):
    assert clean_title(raw) == expected


def test_ambiguous_abbreviations_need_capitals():
    assert clean_title("Commis as de la cuisine") == "commis as de la cuisine"
    assert clean_title("Chef de partie si possible") == "chef de partie si possible"


def test_a_title_made_only_of_noise_falls_back_to_its_words():
    assert clean_title("CDI (H/F)") == "cdi"


def test_folding_normalises_accents_apostrophes_and_ligatures():
    assert fold("Chargé d’Œuvre") == "charge d'oeuvre"
    assert normalise("Vendeur / Vendeuse en prêt-à-porter") == "vendeur vendeuse en pret a porter"
