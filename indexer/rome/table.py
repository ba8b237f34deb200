"""Parse one export file into validated records, collecting every invalid row as a RowError."""

from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, NamedTuple, TypeVar

from pydantic import ValidationError

from indexer.rome.convert import Converter, text
from indexer.rome.csvfile import CsvFile, Row, find_export_file, open_csv
from models.base import RomeRecord
from models.report import RowError

M = TypeVar("M", bound=RomeRecord)


@dataclass(frozen=True)
class Column:
    """Where a model field comes from: a CSV column and how to convert it."""

    name: str
    convert: Converter = text


@dataclass(frozen=True)
class EntitySpec(Generic[M]):
    """How to read one entity: file pattern, model, field sources and unique key."""

    entity: str
    pattern: str
    model: type[M]
    fields: Mapping[str, Column]
    """Model field (dotted for nested models, e.g. 'tags.transition_eco') -> source column."""
    key: Callable[[M], Hashable] | None = None
    """Unique key of a record; duplicates are rejected. None: no uniqueness."""
    key_columns: tuple[str, ...] = ()
    required: bool = True

    @property
    def columns(self) -> tuple[str, ...]:
        """CSV columns the file must have."""
        return tuple(dict.fromkeys(column.name for column in self.fields.values()))


class Sourced(NamedTuple, Generic[M]):
    """A record and the line it starts on."""

    line: int
    record: M


@dataclass(frozen=True)
class Table(Generic[M]):
    """The records of one entity and what was wrong with the others."""

    entity: str
    file: str | None
    encoding: str | None
    read: int
    rows: tuple[Sourced[M], ...]
    errors: tuple[RowError, ...] = ()
    rejected: int = 0
    dangling: int = 0

    @property
    def records(self) -> tuple[M, ...]:
        """The records without their lines."""
        return tuple(row.record for row in self.rows)


@dataclass
class _Parser(Generic[M]):
    spec: EntitySpec[M]
    csv_file: CsvFile
    errors: list[RowError] = field(default_factory=list)
    rejected: int = 0
    plan: tuple[tuple[tuple[str, ...], str, Column], ...] = ()
    """(parent fields, leaf field, column) per model field, split once per file."""

    def __post_init__(self) -> None:
        self.plan = tuple(
            (tuple(path.split(".")[:-1]), path.split(".")[-1], column)
            for path, column in self.spec.fields.items()
        )

    def error(self, line: int, column: str, reason: str, value: str) -> None:
        self.errors.append(
            RowError(file=self.csv_file.name, line=line, field=column, reason=reason, value=value)
        )

    def _values(self, line: int, row: Row) -> dict[str, Any] | None:
        """Converted values nested by model field, or None after reporting the bad columns."""
        extra = row.get(None)  # type: ignore[call-overload]  # csv.DictReader's restkey
        if extra is not None:
            self.error(line, "*", f"{len(extra)} field(s) more than the header", str(extra))
            return None
        data: dict[str, Any] = {}
        ok = True
        for parents, leaf, column in self.plan:
            raw = row.get(column.name)
            if raw is None:
                self.error(line, column.name, "record has fewer fields than the header", "")
                ok = False
                continue
            try:
                value = column.convert(raw)
            except ValueError as e:
                self.error(line, column.name, str(e), raw)
                ok = False
                continue
            target = data
            for parent in parents:
                target = target.setdefault(parent, {})
            target[leaf] = value
        return data if ok else None

    def _report_validation(self, line: int, row: Row, error: ValidationError) -> None:
        for detail in error.errors():
            path = ".".join(str(part) for part in detail["loc"] if isinstance(part, str))
            column = self.spec.fields.get(path)
            name = column.name if column else (path or "*")
            value = row.get(column.name, "") if column else str(detail.get("input", ""))
            self.error(line, name, detail["msg"], value)

    def parse(self, line: int, row: Row) -> M | None:
        """The record of one row, or None after reporting why not."""
        data = self._values(line, row)
        if data is not None:
            try:
                return self.spec.model.model_validate(data)
            except ValidationError as e:
                self._report_validation(line, row, e)
        self.rejected += 1
        return None


def read_table(folder: Path, spec: EntitySpec[M]) -> Table[M]:
    """Every valid record of `spec`'s file; an absent optional file gives an empty table."""
    path = find_export_file(folder, spec.pattern, required=spec.required)
    if path is None:
        return Table(entity=spec.entity, file=None, encoding=None, read=0, rows=())
    csv_file = open_csv(path, spec.columns)
    parser = _Parser(spec, csv_file)
    rows: list[Sourced[M]] = []
    first_line: dict[Hashable, int] = {}
    read = 0
    for line, row in csv_file.records():
        read += 1
        record = parser.parse(line, row)
        if record is None:
            continue
        if spec.key is not None:
            key = spec.key(record)
            if key in first_line:
                reason = f"duplicate key, first seen at line {first_line[key]}"
                parser.error(line, "+".join(spec.key_columns) or "*", reason, str(key))
                parser.rejected += 1
                continue
            first_line[key] = line
        rows.append(Sourced(line, record))
    return Table(
        entity=spec.entity,
        file=csv_file.name,
        encoding=csv_file.encoding,
        read=read,
        rows=tuple(rows),
        errors=tuple(parser.errors),
        rejected=parser.rejected,
    )
