"""Read the ROME 4.0 CSV export into a validated, immutable Referential.

`load_referential(folder)` returns every entity keyed by code (`ref.fiches["M1805"]`) and the
report of what was read (`ref.report.entity("appellations").valid`).
"""

from indexer.rome.errors import (
    CsvHeaderError,
    ExportFileError,
    ReferentialLoadError,
    RomeExportError,
)
from indexer.rome.load import DEFAULT_MAX_ERROR_RATIO, load_referential
from indexer.rome.normalise import normalise_for_matching
from indexer.rome.referential import Referential

__all__ = [
    "DEFAULT_MAX_ERROR_RATIO",
    "CsvHeaderError",
    "ExportFileError",
    "Referential",
    "ReferentialLoadError",
    "RomeExportError",
    "load_referential",
    "normalise_for_matching",
]
