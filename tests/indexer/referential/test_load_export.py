"""The real ROME 4.0 v460 export: every record read, none rejected, no dangling link.

The counts are facts of the v460 test data (its README); newer exports have more.
"""

import pytest

from indexer.referential import documents
from indexer.referential.load import Referential, load_referential
from indexer.settings import Settings


@pytest.fixture(scope="session")
def referential() -> Referential:
    folder = Settings().rome_dir
    assert folder.is_dir(), f"the ROME export is missing at {folder} (METIERSCOPE_ROME_DIR)"
    return load_referential(folder)


def test_every_record_is_read_and_none_rejected(referential):
    counts = referential.counts()
    assert counts["appellations"] == 13_120
    assert counts["fiches"] == 1_584
    assert counts["fiches métier"] == 532
    assert counts["competences"] == 18_317
    assert counts["macro-compétences"] == 507
    assert counts["savoirs"] == 15_354
    assert counts["contextes"] == 179
    assert counts["mobilites"] == 14_912
    assert counts["liens fiche-item"] == 104_219
    assert referential.report.errors == []
    assert referential.report.dangling == []


def test_the_latin1_file_is_detected(referential):
    encodings = referential.report.encodings
    assert encodings["unix_arborescence_secteur_naf_v460_utf8.csv"] == "cp1252"
    assert {e for name, e in encodings.items() if "naf" not in name} == {"utf-8"}


def test_appellation_document_carries_its_fiche_and_classifications(referential):
    ix = documents.Indexes(referential)
    doc = next(d for d in documents.appellation_docs(ix) if d["code_ogr"] == "10200")
    assert doc["libelle"] == "Abatteur / Abatteuse de carrière"
    assert doc["formes"] == ["Abatteur de carrière", "Abatteuse de carrière"]
    assert doc["fiche"]["code"] == "F1402"
    assert doc["grand_domaine"]["code"] == "F"
    assert doc["secteurs"]
    assert doc["centres_interet"]
    assert doc["classification"] == "SYNONYME"


def test_fiche_document_groups_competences_and_lists_children(referential):
    ix = documents.Indexes(referential)
    doc = next(d for d in documents.fiche_docs(ix) if d["code_rome"] == "M1805")
    assert doc["fiche_type"] == "metier"
    assert "M1855" in {c["code"] for c in doc["enfants"]}
    assert doc["definition"].startswith("Le / La Développeur(se) informatique")
    assert "''" not in doc["definition"]
    enjeux = {g["enjeu"]["code"] for g in doc["competences"]}
    assert enjeux
    assert all(len(code) == 2 for code in enjeux)
    assert doc["mobilites"][0]["ordre"] <= doc["mobilites"][-1]["ordre"]
    assert doc["riasec"]["majeur"]
    flat = {
        c["code_ogr"] for g in doc["competences"] for m in g["macros"] for c in m["competences"]
    }
    assert flat <= set(doc["competence_codes"])


def test_competence_document_has_its_tree_path_and_fiches(referential):
    ix = documents.Indexes(referential)
    doc = next(d for d in documents.competence_docs(ix) if d["code_ogr"] == "100023")
    assert doc["macro"]["code"] == "3B216"
    assert (doc["domaine"]["code"], doc["enjeu"]["code"], doc["objectif"]["code"]) == (
        "3",
        "3B",
        "3B2",
    )
    assert doc["fiche_count"] == len(doc["fiches"]) > 0
