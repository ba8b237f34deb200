"""Errors raised while reading the ROME export: one hierarchy, each naming the file at fault."""

from models.report import ValidationReport

SHOWN_ERRORS = 20  # enough to see the pattern of a failure without drowning the log


class RomeExportError(RuntimeError):
    """The ROME export cannot be read."""


class ExportFileError(RomeExportError):
    """A file of the export is missing, ambiguous or unreadable as a whole."""


class CsvHeaderError(ExportFileError):
    """A file lacks a column the reader needs."""


class ReferentialLoadError(RomeExportError):
    """Too many invalid rows or dangling links: nothing is returned, the report says why."""

    def __init__(self, message: str, report: ValidationReport) -> None:
        shown = "\n".join(f"  {error}" for error in report.errors[:SHOWN_ERRORS])
        more = len(report.errors) - SHOWN_ERRORS
        tail = f"\n  … and {more} more" if more > 0 else ""
        super().__init__(f"{message}\nFirst errors:\n{shown}{tail}")
        self.report = report
