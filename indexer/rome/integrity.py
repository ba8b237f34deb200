"""Referential integrity: drop records whose links point to nothing, reporting each link."""

import dataclasses
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from typing import Generic

from indexer.rome.table import M, Table
from models.report import RowError


@dataclass(frozen=True)
class Link(Generic[M]):
    """One link of a record: its column, its value (None: no link) and the existing targets."""

    column: str
    value: Callable[[M], str | None]
    targets: Collection[str]
    target: str
    """What the value should name, for the report (e.g. 'fiche')."""


def drop_dangling(table: Table[M], links: Sequence[Link[M]]) -> Table[M]:
    """The table without records having a dangling link; each such link is reported."""
    kept = []
    errors: list[RowError] = []
    dangling = 0
    for row in table.rows:
        found = False
        for link in links:
            value = link.value(row.record)
            if value is None or value in link.targets:
                continue
            found = True
            errors.append(
                RowError(
                    file=table.file or table.entity,
                    line=row.line,
                    field=link.column,
                    reason=f"no {link.target} with this code",
                    value=value,
                    kind="dangling",
                )
            )
        if found:
            dangling += 1
        else:
            kept.append(row)
    if not dangling:
        return table
    return dataclasses.replace(
        table,
        rows=tuple(kept),
        errors=table.errors + tuple(errors),
        dangling=table.dangling + dangling,
    )


def drop_dangling_tree(
    table: Table[M], link: Callable[[Collection[str]], Link[M]], key: Callable[[M], str]
) -> Table[M]:
    """Like drop_dangling for a table linking to itself (fiche -> parent), until stable."""
    while True:
        checked = drop_dangling(table, [link({key(record) for record in table.records})])
        if checked.dangling == table.dangling:
            return checked
        table = checked
