"""Read one CSV file of the export, whatever its encoding, with the line each record starts on.

Pitfalls handled: files named utf8 that are Latin-1, a UTF-8 BOM, blank lines between records,
quoted fields spanning several lines, header-only files.
"""

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from indexer.referential.report import RowError, ValidationReport


class ExportFileError(RuntimeError):
    """A file of the export is missing or unusable as a whole."""


@dataclass(frozen=True)
class Row:
    """One record with its file name and starting line (1-based, header is line 1)."""

    file: str
    line: int
    values: dict[str, str]

    def __getitem__(self, column: str) -> str:
        return self.values[column]


def find_file(folder: Path, stem: str) -> Path:
    """The export file `<stem>_v<version>_utf8.csv` (any version)."""
    matches = sorted(folder.glob(f"{stem}_v*_utf8.csv")) or sorted(folder.glob(f"{stem}*.csv"))
    if not matches:
        raise ExportFileError(f"{folder}: no file {stem}_v*_utf8.csv in the export")
    return matches[-1]


def decode(raw: bytes) -> tuple[str, str]:
    """Text and encoding name: strict UTF-8 first, then Windows-1252 (a superset of Latin-1)."""
    try:
        return raw.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace"), "cp1252"


def read_rows(path: Path, columns: tuple[str, ...], report: ValidationReport) -> Iterator[Row]:
    """Records as Rows; a missing column fails the file, a ragged row is reported."""
    text, encoding = decode(path.read_bytes())
    report.encodings[path.name] = encoding
    reader = csv.reader(io.StringIO(text, newline=""))
    header = [h.strip() for h in next(reader, [])]
    missing = [c for c in columns if c not in header]
    if missing:
        raise ExportFileError(f"{path.name}:1 missing column(s) {', '.join(missing)}")
    previous = reader.line_num
    for fields in reader:
        start, previous = previous + 1, reader.line_num
        if not any(f.strip() for f in fields):
            continue  # blank line between records
        report.read[path.name] += 1
        if len(fields) != len(header):
            report.errors.append(
                RowError(path.name, start, "*", f"{len(fields)} fields, header has {len(header)}")
            )
            continue
        yield Row(path.name, start, {h: f.strip() for h, f in zip(header, fields, strict=True)})
