"""The "reads as French" gate: terse French passes, English and keyboard noise do not."""

import pytest

from ranking.language import read_language, reads_as_french

FRENCH = [
    "J'ai tenu la caisse et fait les inventaires, j'encadrais deux apprentis.",
    "Accueil\n- Conseils clients\n- Encaissement\n- Rangement magasin\n- Mise en rayon",
    "Restaurant Le Bistrot recrute serveur H/F\n- service midi et soir\n- plonge\n- mise en place",
    "FRANCE PARE-BRISE AUBENAS recrute technicien poseur vitrage automobile CDI temps plein",
    "Cariste, préparation commandes, chargement camions, gestion stock, inventaire tournant",
    "Comptabilite fournisseurs, rapprochements bancaires, declarations TVA, clotures mensuelles",
    "DCS recrute&nbsp;! Voici les missions&nbsp;: support réseau, gestion des SLA et du RGPD",
    "caisse, inventaire",
    "",
]
FOREIGN = [
    "We are looking for a senior data engineer to join our team and build pipelines with Spark.",
    "You will be responsible for the maintenance of our servers and the support of our users.",
    "asdf qwer zxcv hjkl uiop tyui ghjk bnmv cvbn wert sdfg xcvb",
    "qsdfgh jklmwx cvbnrt azerty poiuyt mlkjhg nbvcxw wxcvbn sdfghj",
    "the and of with you",
]


@pytest.mark.parametrize("text", FRENCH)
def test_french_passes(text):
    assert reads_as_french(text), read_language(text)


@pytest.mark.parametrize("text", FOREIGN)
def test_foreign_refused(text):
    assert not reads_as_french(text), read_language(text)


def test_counts_cues():
    reading = read_language("Vous assurez la préparation des commandes with the team")
    assert reading.english == 2
    assert reading.french >= 3
    assert reading.words == 9


def test_acronyms_are_not_noise():
    assert read_language("RGPD HTML CRM BTP").noise == 0
