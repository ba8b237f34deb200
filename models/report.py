"""What loading the export found: counts per file and every rejected value."""

from typing import Literal

from pydantic import Field

from models.base import RomeRecord

ErrorKind = Literal["invalid", "dangling"]


class RowError(RomeRecord):
    """One problem in one record: an invalid value or a link to a missing record."""

    file: str = Field(description="File name inside the export folder.")
    line: int = Field(ge=1, description="Physical line where the record starts (header is 1).")
    field: str = Field(description="CSV column at fault ('*' for the whole record).")
    reason: str = Field(description="What is wrong, in one line.")
    value: str = Field(description="The offending value as read.")
    kind: ErrorKind = Field(
        default="invalid",
        description="invalid: the row could not be parsed; dangling: a link "
        "points to a record that does not exist.",
    )

    def __str__(self) -> str:
        """`file:line field: reason (value 'x')` for logs and exception messages."""
        return f"{self.file}:{self.line} {self.field}: {self.reason} (value {self.value!r})"


class EntityReport(RomeRecord):
    """Counts for one entity (one file)."""

    entity: str = Field(description="Entity name, e.g. 'appellations'.")
    file: str | None = Field(description="File read, None when an optional file is absent.")
    encoding: str | None = Field(description="Encoding detected for the file.")
    read: int = Field(ge=0, description="Non-blank records read.")
    rejected: int = Field(ge=0, description="Records refused because a value is invalid.")
    dangling: int = Field(ge=0, description="Valid records dropped for a link to nothing.")

    @property
    def valid(self) -> int:
        """Records kept in the referential."""
        return self.read - self.rejected - self.dangling


class ValidationReport(RomeRecord):
    """Everything the load found, per entity, with every error."""

    folder: str = Field(description="Export folder read.")
    entities: tuple[EntityReport, ...] = Field(description="One report per entity, load order.")
    errors: tuple[RowError, ...] = Field(description="Every invalid value and dangling link.")

    def entity(self, name: str) -> EntityReport:
        """The report of one entity, by name."""
        for report in self.entities:
            if report.entity == name:
                return report
        raise KeyError(name)

    @property
    def rejected(self) -> int:
        """Records refused over all entities."""
        return sum(e.rejected for e in self.entities)

    @property
    def dangling(self) -> int:
        """Records dropped for a dangling link over all entities."""
        return sum(e.dangling for e in self.entities)
