"""The CSV reader on each pitfall of the export, with files written by the test."""

from pathlib import Path

import pytest

from indexer.rome.csvfile import find_export_file, open_csv
from indexer.rome.encoding import decode_export_bytes
from indexer.rome.errors import CsvHeaderError, ExportFileError


def _write(tmp_path: Path, content: bytes, name: str = "unix_x_v460_utf8.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(content)
    return path


def test_latin1_file_named_utf8_is_decoded_and_encoding_recorded(tmp_path):
    path = _write(tmp_path, '"code","libelle"\n"1","Métier d\'été"\n'.encode("latin-1"))
    csv_file = open_csv(path, ["code", "libelle"])
    assert csv_file.encoding == "cp1252"
    assert list(csv_file.records()) == [(2, {"code": "1", "libelle": "Métier d'été"})]


def test_iso8859_15_oe_ligature_is_not_read_as_fractions(tmp_path):
    path = _write(tmp_path, '"libelle"\n"Œnologue, manœuvre"\n'.encode("iso8859_15"))
    csv_file = open_csv(path, ["libelle"])
    assert csv_file.encoding == "iso8859_15"
    assert [row["libelle"] for _, row in csv_file.records()] == ["Œnologue, manœuvre"]


def test_cp1252_typographic_apostrophe_is_kept(tmp_path):
    path = _write(tmp_path, '"libelle"\n"Conducteur d’engins…"\n'.encode("cp1252"))
    csv_file = open_csv(path, ["libelle"])
    assert csv_file.encoding == "cp1252"
    assert [row["libelle"] for _, row in csv_file.records()] == ["Conducteur d’engins…"]


def test_utf8_is_preferred_and_typographic_characters_kept(tmp_path):
    assert decode_export_bytes("d’engins…".encode()) == ("d’engins…", "utf-8")


def test_bom_is_stripped_from_the_first_column_name(tmp_path):
    path = _write(tmp_path, '\ufeff"code","libelle"\n"1","Un"\n'.encode())
    csv_file = open_csv(path, ["code"])
    assert csv_file.encoding == "utf-8-sig"
    assert csv_file.header == ("code", "libelle")
    assert list(csv_file.records()) == [(2, {"code": "1", "libelle": "Un"})]


def test_blank_lines_and_multiline_quoted_fields_give_record_start_lines(tmp_path):
    text = (
        '"code","libelle","definition"\n'  # line 1
        '"1","Créer","Premier paragraphe.\n'  # line 2: record 1 starts
        "\n"  # line 3: blank line inside the quoted field
        'Second paragraphe."\n'  # line 4
        "\n"  # line 5: blank line between records
        '"2","Aider","Une ligne."\n'  # line 6: record 2
        "\n"  # line 7
        "\n"  # line 8
        '"3","Soigner",""\n'  # line 9: record 3
    )
    csv_file = open_csv(_write(tmp_path, text.encode()), ["code", "definition"])
    records = list(csv_file.records())
    assert [(line, row["code"]) for line, row in records] == [(2, "1"), (6, "2"), (9, "3")]
    assert records[0][1]["definition"] == "Premier paragraphe.\n\nSecond paragraphe."


def test_crlf_line_endings_count_one_line_each(tmp_path):
    text = '"code","libelle"\r\n"1","Un"\r\n\r\n"2","Deux"\r\n'
    records = list(open_csv(_write(tmp_path, text.encode()), ["code"]).records())
    assert [line for line, _ in records] == [2, 4]


def test_records_of_empty_fields_only_are_skipped(tmp_path):
    text = '"code","libelle"\n"",""\n"1","Un"\n'
    records = list(open_csv(_write(tmp_path, text.encode()), ["code"]).records())
    assert records == [(3, {"code": "1", "libelle": "Un"})]


def test_header_only_file_has_no_records(tmp_path):
    path = _write(tmp_path, b'"code_type_referentiel","libelle_type_referentiel"\n')
    assert list(open_csv(path, ["code_type_referentiel"]).records()) == []


def test_missing_column_names_file_and_column(tmp_path):
    path = _write(tmp_path, b'"code","label"\n"1","Un"\n', name="unix_item_v460_utf8.csv")
    with pytest.raises(CsvHeaderError, match=r"unix_item_v460_utf8\.csv:1 .*libelle"):
        open_csv(path, ["code", "libelle"])


def test_empty_file_reports_every_missing_column(tmp_path):
    with pytest.raises(CsvHeaderError, match="code, libelle"):
        open_csv(_write(tmp_path, b""), ["code", "libelle"])


def test_files_are_found_whatever_the_version(tmp_path):
    _write(tmp_path, b'"code"\n', name="unix_item_v461_utf8.csv")
    _write(tmp_path, b'"code"\n', name="unix_item_riasec_v461_utf8.csv")
    found = find_export_file(tmp_path, "unix_item_v[0-9]*_utf8.csv")
    assert found is not None
    assert found.name == "unix_item_v461_utf8.csv"


def test_two_versions_in_one_folder_are_refused(tmp_path):
    _write(tmp_path, b'"code"\n', name="unix_item_v460_utf8.csv")
    _write(tmp_path, b'"code"\n', name="unix_item_v461_utf8.csv")
    with pytest.raises(ExportFileError, match="several files"):
        find_export_file(tmp_path, "unix_item_v[0-9]*_utf8.csv")


def test_missing_required_file_is_an_error_and_optional_one_is_none(tmp_path):
    with pytest.raises(ExportFileError, match="no file matches"):
        find_export_file(tmp_path, "unix_item_v[0-9]*_utf8.csv")
    assert find_export_file(tmp_path, "rome4_x_v[0-9]*.csv", required=False) is None
