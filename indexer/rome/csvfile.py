"""Find and read one CSV file of the export, with the physical line each record starts on.

Handles: the version in file names (`_v460_`, `_v461_`…), any encoding (see `encoding`), a BOM,
blank lines between records, quoted fields spanning several lines, header-only files.
"""

import csv
import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from indexer.rome.encoding import decode_export_bytes
from indexer.rome.errors import CsvHeaderError, ExportFileError

Row = dict[str, str]
"""A record by column name. A short record has None values, a long one its extra fields
under the key None (csv.DictReader's restval / restkey): check before trusting a value."""


def find_export_file(folder: Path, pattern: str, *, required: bool = True) -> Path | None:
    """The one file of `folder` matching a glob pattern such as `unix_item_v*_utf8.csv`."""
    matches = sorted(folder.glob(pattern))
    if len(matches) > 1:
        names = ", ".join(path.name for path in matches)
        raise ExportFileError(f"{folder}: several files match {pattern}: {names}")
    if matches:
        return matches[0]
    if required:
        raise ExportFileError(f"{folder}: no file matches {pattern}")
    return None


class _LineCounter:
    """Feeds lines to the csv module and remembers where the current record starts."""

    def __init__(self, text: str) -> None:
        self._lines = iter(io.StringIO(text, newline=""))
        self.line = 0
        self.record_start: int | None = None

    def __iter__(self) -> "_LineCounter":
        return self

    def __next__(self) -> str:
        line = next(self._lines)
        self.line += 1
        if self.record_start is None and line.strip():
            self.record_start = self.line  # the first non-blank line of the next record
        return line

    def take_start(self) -> int:
        """Start line of the record just parsed; resets for the next one."""
        start, self.record_start = self.record_start or self.line, None
        return start


def _is_blank(row: Row) -> bool:
    for key, value in row.items():
        if key is not None and value and not value.isspace():
            return False
    return True


@dataclass(frozen=True)
class CsvFile:
    """A decoded export file, ready to be read record by record."""

    path: Path
    encoding: str
    text: str
    header: tuple[str, ...]

    @property
    def name(self) -> str:
        """File name, as shown in reports."""
        return self.path.name

    def records(self) -> Iterator[tuple[int, Row]]:
        """(start line, row) for every record that is not blank; the header is line 1."""
        counter = _LineCounter(self.text)
        reader = csv.DictReader(counter)
        if reader.fieldnames is None:  # reading the header; None when the file is empty
            return
        reader.fieldnames = [name.strip() for name in reader.fieldnames]
        counter.take_start()
        for row in reader:
            start = counter.take_start()
            if not _is_blank(row):
                yield start, row


def _header(text: str) -> tuple[str, ...]:
    first = next(csv.reader(io.StringIO(text, newline="")), [])
    return tuple(name.strip() for name in first)


def open_csv(path: Path, columns: Sequence[str]) -> CsvFile:
    """Decode a file and check its header holds `columns` (extra columns are allowed)."""
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise ExportFileError(f"{path}: cannot read: {e}") from e
    text, encoding = decode_export_bytes(raw)
    header = _header(text)
    missing = [column for column in columns if column not in header]
    if missing:
        raise CsvHeaderError(
            f"{path.name}:1 missing column(s) {', '.join(missing)} "
            f"(header: {', '.join(header) or 'empty'})"
        )
    return CsvFile(path=path, encoding=encoding, text=text, header=header)
