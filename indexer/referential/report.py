"""What reading the export found: counts per entity and every rejected row or dangling link."""

from collections import Counter
from dataclasses import dataclass, field


@dataclass(frozen=True)
class RowError:
    """One invalid row or dangling link, located precisely."""

    file: str
    line: int
    field: str
    reason: str
    value: str = ""

    def __str__(self) -> str:
        shown = f" (value {self.value!r})" if self.value else ""
        return f"{self.file}:{self.line} {self.field}: {self.reason}{shown}"


class ExportInvalidError(RuntimeError):
    """Too many invalid rows or dangling links: nothing is indexed."""


@dataclass
class ValidationReport:
    """Rows read and rejected per file, plus referential-integrity failures."""

    read: Counter[str] = field(default_factory=Counter)
    errors: list[RowError] = field(default_factory=list)
    dangling: list[RowError] = field(default_factory=list)
    encodings: dict[str, str] = field(default_factory=dict)

    def rejected(self, file: str) -> int:
        """Rows of one file rejected by validation."""
        return len({e.line for e in self.errors if e.file == file})

    def check(self, max_error_ratio: float) -> None:
        """Fail when invalid rows or dangling links exceed the tolerated share of rows read."""
        total = max(sum(self.read.values()), 1)
        problems = self.errors + self.dangling
        if len(problems) > max_error_ratio * total:
            first = "\n  ".join(str(p) for p in problems[:15])
            raise ExportInvalidError(
                f"{len(self.errors)} invalid row(s) and {len(self.dangling)} dangling link(s) "
                f"in {total:,} rows (tolerance {max_error_ratio:.2%}); first ones:\n  {first}"
            )
