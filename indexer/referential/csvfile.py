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


SINGLE_BYTE = ("cp1252", "iso8859_15")
"""Tried when strict UTF-8 fails; the first with the fewest implausible characters wins a tie."""

_IMPLAUSIBLE = frozenset("¤¦¨´¸¼½¾\ufffd") | frozenset(chr(c) for c in range(0x80, 0xA0))
"""Latin-1 symbols ISO-8859-15 replaces with letters (œ is 0xBD there, ½ in cp1252), C1 controls,
and the replacement character (a byte cp1252 leaves undefined)."""


def decode(raw: bytes) -> tuple[str, str]:
    """Text and encoding name: strict UTF-8 first, else the most plausible single-byte encoding.

    Files named `_utf8` may be single-byte: the NAF arborescence is ISO-8859-15, whose œ/Œ
    cp1252 reads as ½/¼ ("Man½uvre"); others are cp1252 (curly quotes at 0x92).
    """
    try:
        return raw.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass  # not UTF-8: rank the single-byte readings below
    readings = [(raw.decode(name, errors="replace"), name) for name in SINGLE_BYTE]
    return min(readings, key=lambda reading: sum(c in _IMPLAUSIBLE for c in reading[0]))


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
