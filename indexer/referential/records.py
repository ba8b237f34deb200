"""The validated records of the export as they are read: one Referential, rows to models."""

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from indexer.referential.csvfile import Row, find_file, read_rows
from indexer.referential.report import RowError, ValidationReport
from models.entities import (
    Appellation,
    BlocLink,
    Competence,
    Contexte,
    Fiche,
    FicheLink,
    ItemLink,
    Mobilite,
    Node,
    Riasec,
    Savoir,
    Texte,
)

T = TypeVar("T")
DEFAULT_MAX_ERROR_RATIO = 0.001  # 0.1 %: a handful of bad rows in 400,000 is reported, not fatal


class FieldError(ValueError):
    """A value of one column could not be converted."""

    def __init__(self, column: str, reason: str, value: str) -> None:
        super().__init__(reason)
        self.column, self.reason, self.value = column, reason, value


def col(row: Row, column: str, convert: Callable[[str], T]) -> T:
    """Convert one column, naming it on failure."""
    try:
        return convert(row[column])
    except ValueError as e:
        raise FieldError(column, str(e), row[column]) from e


def records(
    folder: Path,
    stem: str,
    columns: tuple[str, ...],
    build: Callable[[Row], T],
    ref: "Referential",
) -> Iterator[tuple[Row, T]]:
    report = ref.report
    path = find_file(folder, stem)
    for row in read_rows(path, columns, report):
        ref.on_row()
        try:
            record = build(row)
            if isinstance(record, BaseModel):
                ref.origins[id(record)] = Source(row.file, row.line)
            yield row, record
        except FieldError as e:
            report.errors.append(RowError(row.file, row.line, e.column, e.reason, e.value))
        except ValidationError as e:
            for err in e.errors():
                where = ".".join(str(part) for part in err["loc"]) or "*"
                report.errors.append(
                    RowError(row.file, row.line, where, err["msg"], str(err.get("input", "")))
                )


@dataclass(frozen=True)
class Source:
    """Where a record came from, for integrity reports."""

    file: str
    line: int


@dataclass
class Referential:
    """Every entity of the export keyed by code, with links and the reading report."""

    appellations: dict[str, Appellation] = field(default_factory=dict)
    fiches: dict[str, Fiche] = field(default_factory=dict)
    competences: dict[str, Competence] = field(default_factory=dict)
    savoirs: dict[str, Savoir] = field(default_factory=dict)
    contextes: dict[str, Contexte] = field(default_factory=dict)
    competence_tree: dict[str, Node] = field(default_factory=dict)
    grands_domaines: dict[str, Node] = field(default_factory=dict)
    domaines_pro: dict[str, Node] = field(default_factory=dict)
    fiche_domaine: dict[str, str] = field(default_factory=dict)
    secteurs: dict[str, Node] = field(default_factory=dict)
    sous_secteurs: dict[str, Node] = field(default_factory=dict)
    secteur_links: list[FicheLink] = field(default_factory=list)
    sous_secteur_links: list[FicheLink] = field(default_factory=list)
    centres_interet: dict[str, Node] = field(default_factory=dict)
    centre_interet_links: list[FicheLink] = field(default_factory=list)
    themes: dict[str, Node] = field(default_factory=dict)
    theme_links: list[FicheLink] = field(default_factory=list)
    secteurs_naf: dict[str, Node] = field(default_factory=dict)
    naf_links: list[FicheLink] = field(default_factory=list)
    riasec: dict[str, Riasec] = field(default_factory=dict)
    macro_riasec: dict[str, Riasec] = field(default_factory=dict)
    mobilites: list[Mobilite] = field(default_factory=list)
    textes: list[Texte] = field(default_factory=list)
    item_links: list[ItemLink] = field(default_factory=list)
    bloc_links: list[BlocLink] = field(default_factory=list)
    report: ValidationReport = field(default_factory=ValidationReport)
    origins: dict[int, Source] = field(default_factory=dict)
    on_row: Callable[[], None] = lambda: None

    def origin(self, record: BaseModel) -> Source:
        """File and line a record was read from."""
        return self.origins.get(id(record), Source("?", 0))

    def counts(self) -> dict[str, int]:
        """Records per entity, as printed by the indexer and checked against what it indexed."""
        macros = sum(c.nature == "Macro-compétence" for c in self.competences.values())
        return {
            "appellations": len(self.appellations),
            "fiches": len(self.fiches),
            "fiches métier": sum(f.is_metier for f in self.fiches.values()),
            "competences": len(self.competences),
            "macro-compétences": macros,
            "savoirs": len(self.savoirs),
            "contextes": len(self.contextes),
            "mobilites": len(self.mobilites),
            "liens fiche-item": len(self.item_links),
            "liens par bloc": len(self.bloc_links),
            "textes": len(self.textes),
            "arbre compétences": len(self.competence_tree),
            "secteurs": len(self.secteurs) + len(self.sous_secteurs),
            "centres d'intérêt": len(self.centres_interet),
            "thèmes": len(self.themes),
            "secteurs NAF": len(self.secteurs_naf),
        }
