"""Loading a whole (small) export: counts, invalid rows, dangling links, thresholds."""

import pytest

from indexer.rome import (
    CsvHeaderError,
    ExportFileError,
    ReferentialLoadError,
    load_referential,
)
from models.vocab import FicheType
from tests.indexer.rome.export_files import FILES, file_name, write_export


def _with_row(stem: str, *rows: list[str]) -> dict[str, list[list[str]]]:
    return {stem: [*FILES[stem], *rows]}


def test_small_export_loads_without_errors(referential):
    report = referential.report
    assert report.rejected == 0
    assert report.dangling == 0
    assert report.errors == ()
    assert report.entity("appellations").read == 4
    assert report.entity("types_referentiel").read == 0
    assert report.entity("fiche_secteurs_naf").encoding == "iso8859_15"
    assert report.entity("centres_interet").valid == 2


def test_entities_are_keyed_by_code(referential):
    assert referential.fiches["M1855"].fiche_type is FicheType.EMPLOI
    assert referential.fiches["M1805"].fiche_type is FicheType.METIER
    assert referential.appellations["38976"].peu_usite is True
    assert referential.competences["300030"].code_macro == "1A101"
    assert referential.sous_secteurs_activite["145"].code_secteur == "110"


def test_multiline_definition_between_blank_lines_is_kept(referential):
    definition = referential.secteurs_activite["110"].definition
    assert definition == "Découvrez les métiers.\n\nIndispensable."
    assert referential.secteurs_activite["79"].definition is None


def test_display_keeps_typographic_apostrophe(referential):
    assert referential.appellations["11987"].libelle_long.endswith("d’engins agricoles")


def test_referential_is_immutable(referential):
    with pytest.raises(TypeError):
        referential.fiches["X"] = referential.fiches["M1855"]
    with pytest.raises(ValueError, match="frozen"):
        referential.fiches["M1855"].libelle = "x"


def test_bad_row_is_reported_with_file_line_and_field(tmp_path):
    folder = write_export(
        tmp_path,
        _with_row(
            "unix_referentiel_appellation",
            [
                "99999",
                "Testeur",
                "Testeur",
                "M1855",
                "Emploi Blanc",
                "",
                "",
                "",
                "",
                "SYNONYME",
                "",
                "M1805",
                "peut-être",
            ],
        ),
    )
    ref = load_referential(folder, max_error_ratio=1.0)
    assert "99999" not in ref.appellations
    (error,) = ref.report.errors
    assert error.file == file_name("unix_referentiel_appellation")
    assert error.line == 6
    assert error.field == "peu_usite"
    assert error.value == "peut-être"
    assert error.kind == "invalid"
    assert ref.report.entity("appellations").rejected == 1
    assert ref.report.entity("appellations").valid == 4


def test_value_refused_by_the_model_names_its_column(tmp_path):
    folder = write_export(tmp_path, _with_row("unix_rubrique_mobilite", ["M1855", "Z9", "3"]))
    ref = load_referential(folder, max_error_ratio=1.0)
    (error,) = ref.report.errors
    assert (error.field, error.value, error.line) == ("code_rome_cible", "Z9", 4)
    assert "pattern" in error.reason


def test_closed_value_sets_refuse_unknown_values(tmp_path):
    folder = write_export(
        tmp_path, _with_row("unix_coherence_item", ["M1805", "100001", "Secondaire"])
    )
    ref = load_referential(folder, max_error_ratio=1.0)
    assert [(e.field, e.value) for e in ref.report.errors] == [("coeur_metier", "Secondaire")]


def test_short_and_long_records_are_reported(tmp_path):
    folder = write_export(
        tmp_path,
        _with_row(
            "unix_referentiel_savoir",
            ["1", "Un"],
            ["2", "Deux", "Domaines d'expertise", "Informatique", "", "", "extra"],
        ),
    )
    ref = load_referential(folder, max_error_ratio=1.0)
    errors = {(e.line, e.field) for e in ref.report.errors}
    assert (3, "categorie_savoir") in errors
    assert (4, "*") in errors
    assert ref.report.entity("savoirs").rejected == 2


def test_duplicate_key_is_rejected(tmp_path):
    folder = write_export(tmp_path, _with_row("unix_themes", ["009", "Doublon", ""]))
    ref = load_referential(folder, max_error_ratio=1.0)
    (error,) = ref.report.errors
    assert error.field == "code_theme"
    assert "first seen at line 2" in error.reason
    assert ref.themes["009"].libelle == "Métiers du multimédia"


def test_threshold_exceeded_fails_with_the_first_errors(tmp_path):
    folder = write_export(tmp_path, _with_row("unix_grand_domaine", ["", "Sans code"]))
    with pytest.raises(ReferentialLoadError) as failure:
        load_referential(folder)
    message = str(failure.value)
    assert "grands_domaines" in message
    assert f"{file_name('unix_grand_domaine')}:4 code_grand_domaine:" in message
    assert failure.value.report.entity("grands_domaines").rejected == 1


def test_ratio_is_per_file(tmp_path):
    folder = write_export(tmp_path, _with_row("unix_grand_domaine", ["", "Sans code"]))
    assert load_referential(folder, max_error_ratio=0.34).report.rejected == 1
    with pytest.raises(ReferentialLoadError):
        load_referential(folder, max_error_ratio=0.33)


def test_absolute_error_cap(tmp_path):
    folder = write_export(tmp_path, _with_row("unix_grand_domaine", ["", "Sans code"]))
    with pytest.raises(ReferentialLoadError, match="max_errors=0"):
        load_referential(folder, max_error_ratio=1.0, max_errors=0)


def test_dangling_link_is_reported_and_the_record_dropped(tmp_path):
    folder = write_export(tmp_path, _with_row("unix_rubrique_mobilite", ["M1855", "B1301", "3"]))
    ref = load_referential(folder, max_error_ratio=1.0)
    (error,) = ref.report.errors
    assert error.kind == "dangling"
    assert (error.file, error.line, error.field, error.value) == (
        file_name("unix_rubrique_mobilite"),
        4,
        "code_rome_cible",
        "B1301",
    )
    assert ref.report.entity("mobilites").dangling == 1
    assert len(ref.mobilites) == 2


def test_dangling_links_count_against_the_threshold(tmp_path):
    folder = write_export(tmp_path, _with_row("unix_coherence_item", ["M1855", "777777", ""]))
    with pytest.raises(ReferentialLoadError, match=r"coherence_items .*1 dangling"):
        load_referential(folder)


def test_dropping_a_fiche_drops_what_points_to_it(tmp_path):
    fiches = [*FILES["unix_referentiel_code_rome"]]
    fiches[3] = [*fiches[3][:-1], "K2601"]  # M1855's parent does not exist
    folder = write_export(tmp_path, {"unix_referentiel_code_rome": fiches})
    ref = load_referential(folder, max_error_ratio=1.0)
    assert "M1855" not in ref.fiches
    assert "14156" not in ref.appellations
    dangling = {(e.file, e.field, e.value) for e in ref.report.errors}
    assert (file_name("unix_referentiel_code_rome"), "code_rome_parent", "K2601") in dangling
    assert (file_name("unix_referentiel_appellation"), "code_rome", "M1855") in dangling
    assert ref.report.entity("liens_referentiels").dangling == 6


def test_missing_column_fails_naming_file_and_column(tmp_path):
    rows = [list(row[:-1]) for row in FILES["unix_referentiel_code_rome_riasec"]]
    folder = write_export(tmp_path, {"unix_referentiel_code_rome_riasec": rows})
    with pytest.raises(CsvHeaderError, match=r"code_rome_riasec_v460_utf8\.csv:1 .*riasec_mineur"):
        load_referential(folder)


def test_missing_file_fails(tmp_path):
    folder = write_export(tmp_path, omit=("unix_item",))
    with pytest.raises(ExportFileError, match=r"unix_item_v\[0-9\]\*_utf8\.csv"):
        load_referential(folder)


def test_missing_folder_fails(tmp_path):
    with pytest.raises(ExportFileError, match="not a folder"):
        load_referential(tmp_path / "absent")


def test_other_versions_load_the_same(tmp_path):
    ref = load_referential(write_export(tmp_path, version="v461"))
    assert ref.report.entity("fiches").file == "unix_referentiel_code_rome_v461_utf8.csv"
    assert len(ref.fiches) == 3


def test_rebuilt_competence_files_are_optional(tmp_path):
    folder = write_export(
        tmp_path,
        omit=("rome4_hierarchie_competences_libelles", "rome4_arborescence_competences"),
    )
    ref = load_referential(folder)
    assert ref.noeuds_competence == {}
    assert ref.report.entity("noeuds_competence").file is None
    assert len(ref.competences) == 3


def test_macro_without_tree_node_is_dangling(tmp_path):
    rows = [r for r in FILES["rome4_hierarchie_competences_libelles"] if r[1] != "1A1"]
    folder = write_export(tmp_path, {"rome4_hierarchie_competences_libelles": rows})
    ref = load_referential(folder, max_error_ratio=1.0)
    assert "1A101" not in ref.noeuds_competence  # its parent objectif is gone
    assert "300030" not in ref.competences
    assert "100001" not in ref.competences  # its macro is gone
    assert ref.report.entity("competences").dangling == 2
