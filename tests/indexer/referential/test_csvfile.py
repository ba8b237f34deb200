"""Reading export files: every pitfall of the real export, on files the tests write."""

from pathlib import Path

import pytest

from indexer.referential.csvfile import ExportFileError, Row, decode, find_file, read_rows
from indexer.referential.report import ExportInvalidError, RowError, ValidationReport


def write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def rows(
    path: Path, columns: tuple[str, ...] = ("code", "label")
) -> tuple[list[Row], ValidationReport]:
    report = ValidationReport()
    return list(read_rows(path, columns, report)), report


def test_latin1_file_named_utf8_is_decoded(tmp_path):
    path = write(
        tmp_path,
        "x_v460_utf8.csv",
        '"code","label"\n"1","Activités spécialisées"\n'.encode("latin-1"),
    )
    found, report = rows(path)
    assert found[0]["label"] == "Activités spécialisées"
    assert report.encodings[path.name] == "cp1252"


def test_utf8_with_bom_and_typographic_apostrophe_is_kept_for_display(tmp_path):
    path = write(tmp_path, "x.csv", '\ufeff"code","label"\n"1","J’ai envie d’aider"\n'.encode())
    found, report = rows(path)
    assert found[0]["code"] == "1"
    assert found[0]["label"] == "J’ai envie d’aider"
    assert report.encodings[path.name] == "utf-8"


def test_blank_lines_and_multiline_quoted_fields_keep_true_line_numbers(tmp_path):
    text = '"code","label"\n"1","Créer,\n\nconstruire"\n\n\n"2","Aider"\n'
    found, report = rows(write(tmp_path, "x.csv", text.encode()))
    assert [(r.line, r["code"]) for r in found] == [(2, "1"), (7, "2")]
    assert found[0]["label"] == "Créer,\n\nconstruire"
    assert report.read["x.csv"] == 2


def test_header_only_file_has_no_rows(tmp_path):
    found, report = rows(write(tmp_path, "x.csv", b'"code","label"\n'))
    assert found == []
    assert report.read["x.csv"] == 0


def test_missing_column_fails_the_file_naming_it(tmp_path):
    path = write(tmp_path, "x.csv", b'"code"\n"1"\n')
    with pytest.raises(ExportFileError, match=r"x\.csv:1 missing column\(s\) label"):
        rows(path)


def test_ragged_row_is_reported_with_its_line(tmp_path):
    found, report = rows(write(tmp_path, "x.csv", b'"code","label"\n"1","a"\n"2"\n"3","c"\n'))
    assert [r["code"] for r in found] == ["1", "3"]
    assert report.errors == [RowError("x.csv", 3, "*", "1 fields, header has 2")]


def test_files_are_found_whatever_the_version(tmp_path):
    write(tmp_path, "unix_texte_v461_utf8.csv", b"")
    assert find_file(tmp_path, "unix_texte").name == "unix_texte_v461_utf8.csv"
    with pytest.raises(ExportFileError, match="no file unix_item"):
        find_file(tmp_path, "unix_item")


def test_decode_prefers_utf8():
    assert decode("é".encode()) == ("é", "utf-8")
    assert decode("é".encode("latin-1")) == ("é", "cp1252")


def test_decode_reads_iso_8859_15_ligatures():
    """The NAF arborescence is ISO-8859-15: its œ must not come out as cp1252's ½."""
    assert decode("Manœuvre d'œnologue".encode("iso8859_15")) == (
        "Manœuvre d'œnologue",
        "iso8859_15",
    )
    assert decode("l’été".encode("cp1252")) == ("l’été", "cp1252")


def test_threshold_turns_errors_into_a_refusal_listing_them():
    report = ValidationReport()
    report.read["a.csv"] = 1000
    report.errors.append(RowError("a.csv", 12, "peu_usite", "expected O or N, got 'X'", "X"))
    report.check(max_error_ratio=0.001)
    report.dangling.append(RowError("b.csv", 3, "code_rome", "no such fiche", "Z9999"))
    with pytest.raises(
        ExportInvalidError, match=r"a\.csv:12 peu_usite: expected O or N"
    ) as failure:
        report.check(max_error_ratio=0.001)
    assert "b.csv:3 code_rome: no such fiche (value 'Z9999')" in str(failure.value)
