"""Document builders on the small export."""

import json
from collections.abc import Iterable
from typing import Any

import pytest

from indexer.rome.documents import (
    iter_appellation_documents,
    iter_competence_documents,
    iter_contexte_documents,
    iter_fiche_documents,
    iter_savoir_documents,
    split_gendered_label,
)
from models.documents.appellation import GenderedForms


@pytest.mark.parametrize(
    ("label", "masculin", "feminin"),
    [
        ("Agent / Agente d'entretien", "Agent d'entretien", "Agente d'entretien"),
        ("Abatteur / Abatteuse", "Abatteur", "Abatteuse"),
        (
            "Directeur commercial / Directrice commerciale export",
            "Directeur commercial export",
            "Directrice commerciale export",
        ),
        ("Chef de partie / Cheffe de partie", "Chef de partie", "Cheffe de partie"),
    ],
)
def test_gendered_labels_are_split(label, masculin, feminin):
    assert split_gendered_label(label) == GenderedForms(masculin=masculin, feminin=feminin)


@pytest.mark.parametrize(
    "label", ["Actuaire", "Analyste biologie/microbiologie", "A / B / C", "Chef de projet / X"]
)
def test_other_labels_are_not_split(label):
    assert split_gendered_label(label) is None


def _by_id(documents: Iterable[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    docs = list(documents)
    json.dumps(docs)  # JSON-ready
    return {doc["id"]: doc for doc in docs}


def test_appellation_document(referential):
    docs = _by_id(iter_appellation_documents(referential))
    assert set(docs) == {"11987", "14155", "14156", "38976"}
    doc = docs["38976"]
    assert doc["formes"] == {
        "masculin": "Développeur full-stack",
        "feminin": "Développeuse full-stack",
    }
    assert doc["fiche"] == {
        "code_rome": "M1855",
        "libelle": "Développeur / Développeuse web",
        "fiche_type": "emploi",
    }
    assert doc["fiche_parent"]["code_rome"] == "M1805"
    assert doc["fiche_type"] == "emploi"
    assert doc["classification"] == "SYNONYME"
    assert doc["peu_usite"] is True
    assert doc["tags"]["transition_eco"] == "Emploi Vert"
    classements = doc["classements"]
    assert classements["grand_domaine"] == {"code": "M", "libelle": "Support à l'entreprise"}
    assert classements["domaine_professionnel"]["code"] == "M18"
    assert classements["secteurs"] == [
        {"code": "79", "libelle": "Informatique", "principal": True},
        {"code": "110", "libelle": "Activités juridiques et comptables", "principal": False},
    ]
    assert classements["sous_secteurs"][0]["code"] == "145"
    assert classements["centres_interet"][0]["principal"] is True
    assert classements["themes"] == [{"code": "009", "libelle": "Métiers du multimédia"}]


def test_appellation_labels_keep_original_and_add_normalised(referential):
    doc = _by_id(iter_appellation_documents(referential))["11987"]
    assert doc["libelle_long"] == "Conducteur / Conductrice d’engins agricoles"
    assert doc["libelle_long_normalise"] == "Conducteur / Conductrice d'engins agricoles"


def test_fiche_document(referential):
    docs = _by_id(iter_fiche_documents(referential))
    assert set(docs) == {"A1101", "M1805", "M1855"}
    metier, emploi = docs["M1805"], docs["M1855"]
    assert metier["fiche_type"] == "metier"
    assert metier["parent"] is None
    assert [child["code_rome"] for child in metier["enfants"]] == ["M1855"]
    assert emploi["parent"]["code_rome"] == "M1805"
    assert [a["classification"] for a in emploi["appellations"]] == ["PRINCIPALE", "SYNONYME"]
    assert emploi["definition"] == (
        "Conçoit des sites web.\nAssure la maintenance et l'optimisation des sites."
    )
    assert emploi["acces"] == "Accessible avec une licence."
    assert emploi["riasec_majeur"] == "I"
    assert emploi["riasec_mineur"] == "A"
    assert [(m["ordre"], m["fiche"]["code_rome"]) for m in emploi["mobilites"]] == [
        (1, "M1805"),
        (2, "A1101"),
    ]
    assert emploi["classements"]["secteurs_naf"][0]["code"] == "62"


def test_fiche_competences_grouped_by_enjeu_and_macro(referential):
    emploi = _by_id(iter_fiche_documents(referential))["M1855"]
    (enjeu,) = emploi["competences"]
    assert (enjeu["code"], enjeu["libelle"]) == ("1A", "Animation")
    assert enjeu["domaine"] == {"code": "1", "libelle": "Management, Social, Soin"}
    (macro,) = enjeu["macros"]
    assert (macro["code"], macro["listee"], macro["coeur_metier"]) == ("1A101", True, None)
    assert macro["objectif"]["code"] == "1A1"
    assert macro["savoir_faire"] == [
        {
            "code_ogr": "100001",
            "libelle": "Concevoir le programme des activités…",
            "coeur_metier": "Principale",
        }
    ]
    assert [s["code_ogr"] for s in emploi["savoir_etre"]] == ["300412"]
    (categorie,) = emploi["savoirs"]
    assert categorie["categorie"] == "Domaines d'expertise"
    assert categorie["sous_categories"][0]["savoirs"][0]["coeur_metier"] == "Émergente"
    assert emploi["contextes"] == [
        {
            "code_type": "2",
            "type_contexte": "Horaires et durée du travail",
            "contextes": [{"code": "23374", "libelle": "Travail le samedi"}],
        }
    ]


def test_competence_documents(referential):
    docs = _by_id(iter_competence_documents(referential))
    savoir_faire, macro, savoir_etre = docs["100001"], docs["300030"], docs["300412"]
    assert savoir_faire["kind"] == "savoir_faire"
    assert savoir_faire["chemin"]["macro"] == {
        "code": "1A101",
        "libelle": "Concevoir et animer des activités",
    }
    assert savoir_faire["chemin"]["enjeu"]["code"] == "1A"
    assert savoir_faire["fiches"] == [
        {
            "code_rome": "M1855",
            "libelle": "Développeur / Développeuse web",
            "fiche_type": "emploi",
            "coeur_metier": "Principale",
        }
    ]
    assert macro["kind"] == "macro_competence"
    assert macro["riasec_majeur"] == "S"
    assert [c["code"] for c in macro["savoir_faire"]] == ["100001"]
    assert savoir_etre["kind"] == "savoir_etre_professionnel"
    assert savoir_etre["chemin"]["domaine"]["code"] == "6"


def test_savoir_and_contexte_documents(referential):
    savoir = _by_id(iter_savoir_documents(referential))["200001"]
    assert (savoir["categorie"], savoir["sous_categorie"]) == (
        "Domaines d'expertise",
        "Informatique",
    )
    assert savoir["fiches"][0]["coeur_metier"] == "Émergente"
    contexte = _by_id(iter_contexte_documents(referential))["23374"]
    assert contexte["type_contexte"] == "Horaires et durée du travail"
    assert [f["code_rome"] for f in contexte["fiches"]] == ["M1855"]


def test_builders_are_lazy(referential):
    documents = iter_fiche_documents(referential)
    assert next(documents)["id"] == "A1101"
