"""The real ROME 4.0 v460 export: every record read, none rejected, no dangling link.

The counts are facts of the v460 test data (its README); newer exports have more.
"""

import shutil

import pytest

from indexer.referential import documents
from indexer.referential.csvfile import decode
from indexer.referential.load import Referential, load_referential
from indexer.referential.report import ExportInvalidError
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
    assert counts["liens par bloc"] == 118_923
    assert referential.report.errors == []
    assert referential.report.dangling == []


def test_the_single_byte_file_is_detected(referential):
    """The NAF arborescence is ISO-8859-15, although named utf8: its œ must read as œ."""
    encodings = referential.report.encodings
    naf = "unix_arborescence_secteur_naf_v460_utf8.csv"
    assert encodings[naf] == "iso8859_15"
    text, _ = decode((Settings().rome_dir / naf).read_bytes())
    assert "œ" in text
    assert "½" not in text
    assert {e for name, e in encodings.items() if "naf" not in name} == {"utf-8"}


def test_appellation_document_carries_its_fiche_and_classifications(referential):
    ix = documents.Indexes(referential)
    doc = next(d for d in documents.appellation_docs(ix) if d.code_ogr == "10200").model_dump()
    assert doc["libelle"] == "Abatteur / Abatteuse de carrière"
    assert doc["formes"] == ["Abatteur de carrière", "Abatteuse de carrière"]
    assert doc["fiche"]["code"] == "F1402"
    assert doc["grand_domaine"]["code"] == "F"
    assert doc["secteurs"]
    assert doc["centres_interet"]
    assert doc["classification"] == "SYNONYME"


def test_fiche_document_groups_competences_and_lists_children(referential):
    ix = documents.Indexes(referential)
    doc = next(d for d in documents.fiche_docs(ix) if d.code_rome == "M1805").model_dump()
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
    doc = next(d for d in documents.competence_docs(ix) if d.code_ogr == "100023").model_dump()
    assert doc["macro"]["code"] == "3B216"
    assert (doc["domaine"]["code"], doc["enjeu"]["code"], doc["objectif"]["code"]) == (
        "3",
        "3B",
        "3B2",
    )
    assert doc["fiche_count"] == len(doc["fiches"]) > 0


@pytest.fixture
def damaged_export(tmp_path):
    """A copy of the real export (in tmp, never in the repo) with two broken rows appended."""
    folder = tmp_path / "rome"
    shutil.copytree(Settings().rome_dir, folder)
    mobilites = next(folder.glob("unix_rubrique_mobilite_v*_utf8.csv"))
    with mobilites.open("a", encoding="utf-8") as out:
        out.write('"A1101","Z9999","1"\n')
    appellations = next(folder.glob("unix_referentiel_appellation_v*_utf8.csv"))
    lines = appellations.read_text(encoding="utf-8").count("\n")
    with appellations.open("a", encoding="utf-8") as out:
        out.write(
            '"99999","X / Y","X / Y","A1101","","","","","","SYNONYME","","A1101","peut-être"\n'
        )
    return folder, lines + 1


def test_bad_rows_and_dangling_links_are_reported_by_file_line_and_field(damaged_export):
    folder, bad_line = damaged_export
    ref = load_referential(folder, max_error_ratio=0.01)
    (error,) = ref.report.errors
    assert error.file == "unix_referentiel_appellation_v460_utf8.csv"
    assert (error.line, error.field, error.value) == (bad_line, "peu_usite", "peut-être")
    (dangling,) = ref.report.dangling
    assert (dangling.field, dangling.value, dangling.reason) == (
        "code_rome_cible",
        "Z9999",
        "no such fiche",
    )
    assert dangling.line == 14_914  # header + 14,912 records + the appended one
    assert "99999" not in ref.appellations


def test_past_the_threshold_nothing_is_loaded(damaged_export):
    folder, _ = damaged_export
    with pytest.raises(ExportInvalidError, match=r"1 invalid row\(s\) and 1 dangling link\(s\)"):
        load_referential(folder, max_error_ratio=0)
