"""Entry point: read, validate and link the whole export, or fail with a report."""

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from indexer.rome.checks import check_integrity
from indexer.rome.errors import ExportFileError, ReferentialLoadError
from indexer.rome.export import ExportTables, read_export
from indexer.rome.referential import Referential
from models.report import EntityReport, ValidationReport

DEFAULT_MAX_ERROR_RATIO = 0.001
"""Per file: 0.1 % of bad records (13 of 13,120 appellations) is reported and tolerated; one bad
record in a small table (14 grands domaines) is not."""


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building ~400,000 acyclic records.

    Each collection walks every live object, and allocations trigger one every few hundred
    records: loading took twice as long with it on. Reference counting still frees memory.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def build_report(folder: Path, tables: ExportTables) -> ValidationReport:
    """Counts per entity and every error, in reading order."""
    return ValidationReport(
        folder=str(folder),
        entities=tuple(
            EntityReport(
                entity=table.entity,
                file=table.file,
                encoding=table.encoding,
                read=table.read,
                rejected=table.rejected,
                dangling=table.dangling,
            )
            for table in tables
        ),
        errors=tuple(error for table in tables for error in table.errors),
    )


def threshold_failures(
    report: ValidationReport, *, max_error_ratio: float, max_errors: int | None
) -> list[str]:
    """One line per exceeded limit; empty when the load may proceed."""
    failures = [
        f"{e.entity} ({e.file}): {e.rejected} invalid + {e.dangling} dangling of {e.read} "
        f"records > {max_error_ratio:.2%}"
        for e in report.entities
        if e.read and (e.rejected + e.dangling) / e.read > max_error_ratio
    ]
    total = report.rejected + report.dangling
    if max_errors is not None and total > max_errors:
        failures.append(f"{total} bad records in all > max_errors={max_errors}")
    return failures


def load_referential(
    folder: Path,
    *,
    max_error_ratio: float = DEFAULT_MAX_ERROR_RATIO,
    max_errors: int | None = None,
) -> Referential:
    """The validated referential of the export in `folder`.

    Invalid rows and dangling links are collected, not raised one by one; records holding them
    are left out. Raises ReferentialLoadError (with the report) when, for any file, their share
    exceeds `max_error_ratio`, or their total exceeds `max_errors`; ExportFileError when a file
    is missing, ambiguous or lacks a column.
    """
    if not folder.is_dir():
        raise ExportFileError(f"{folder}: not a folder")
    with _gc_paused():
        tables = check_integrity(read_export(folder))
        report = build_report(folder, tables)
    failures = threshold_failures(report, max_error_ratio=max_error_ratio, max_errors=max_errors)
    if failures:
        message = f"ROME export {folder} refused:\n  " + "\n  ".join(failures)
        raise ReferentialLoadError(message, report)
    with _gc_paused():
        return Referential.from_tables(tables, report)
