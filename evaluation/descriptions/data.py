"""Training ads and the export's tables that the description models learn from."""

import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from indexer.referential.load import Referential, load_referential
from ranking.text import normalise

DESCRIPTIONS = "descriptions.jsonl"
COMPETENCES = "competences.jsonl"
TITLES = "titles.jsonl"
DUPLICATE_KEY_CHARS = 300  # two ads opening with the same 300 folded chars are one ad


@dataclass(frozen=True)
class Ad:
    """A training ad: its text, source and ROME code rolled up to the fiche métier."""

    id: str
    source: str
    text: str
    parent: str
    labels: tuple[str, ...] = ()  # recruiter compétence codes (competences.jsonl only)
    title: str = ""  # the ad's title (`intitule`), when the file has it

    @property
    def key(self) -> str:
        """Duplicate key: the folded opening of the text."""
        return normalise(self.text)[:DUPLICATE_KEY_CHARS]


@dataclass(frozen=True)
class Example:
    """One classifier training text with its class, source and duplicate key."""

    text: str
    parent: str
    source: str
    key: str


@dataclass
class Tables:
    """What the export says about fiches and items, keyed by code."""

    parent: dict[str, str]  # fiche -> fiche métier
    items: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # of a métier
    coeur: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    order: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))  # export order
    kind: dict[str, str] = field(default_factory=dict)  # item -> savoir-faire/macro/etre/savoir
    macro: dict[str, str] = field(default_factory=dict)  # item -> its macro (itself for a macro)
    label: dict[str, str] = field(default_factory=dict)
    fiche_texts: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    def roll_up(self, code: str) -> str:
        """The fiche métier of a fiche code (itself if unknown)."""
        return self.parent.get(code, code)


def item_kind(ref: Referential, code: str) -> str | None:
    """savoir-faire, macro, savoir-etre or savoir; None for contextes and unknown codes."""
    if code in ref.savoirs:
        return "savoir"
    comp = ref.competences.get(code)
    if comp is None:
        return None
    if comp.categorie == "Savoir-être professionnel":
        return "savoir-etre"
    return "macro" if comp.nature == "Macro-compétence" else "savoir-faire"


def build_tables(ref: Referential) -> Tables:
    """Items, coeur flags, kinds, macros and texts of every fiche métier (family pooled)."""
    tables = Tables(parent={c: f.code_rome_parent for c, f in ref.fiches.items()})
    for code, comp in ref.competences.items():
        tables.label[code] = comp.libelle
        tables.macro[code] = (
            code if comp.nature == "Macro-compétence" else comp.code_ogr_macro or ""
        )
    for code, savoir in ref.savoirs.items():
        tables.label[code] = savoir.libelle
    for link in ref.item_links:
        kind = item_kind(ref, link.code_ogr)
        if kind is None:
            continue
        tables.kind[link.code_ogr] = kind
        metier = tables.roll_up(link.code_rome)
        if link.code_ogr not in tables.items[metier]:
            tables.order[metier].append(link.code_ogr)
        tables.items[metier].add(link.code_ogr)
        if link.coeur_metier:
            tables.coeur[metier].add(link.code_ogr)
    for code in tables.label:
        tables.kind.setdefault(code, item_kind(ref, code) or "savoir")
    for texte in sorted(ref.textes, key=lambda t: (t.code_rome, t.kind, t.position)):
        tables.fiche_texts[tables.roll_up(texte.code_rome)].append(texte.texte)
    return tables


def export_examples(ref: Referential, tables: Tables) -> list[Example]:
    """The export as training texts: each fiche's title and texts, and each appellation."""
    out = []
    for code, fiche in ref.fiches.items():
        metier = tables.roll_up(code)
        text = " ".join([fiche.libelle, *tables.fiche_texts.get(code, [])])
        out.append(Example(text, metier, "export", f"fiche:{code}"))
    for app in ref.appellations.values():
        metier = tables.roll_up(app.code_rome)
        out.append(Example(app.libelle, metier, "export", f"app:{app.code_ogr}"))
    return out


def _jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def read_ads(path: Path, tables: Tables) -> list[Ad]:
    """Ads of a descriptions or competences JSONL file."""
    return [
        Ad(
            id=str(row["id"]) if "id" in row else str(i),
            source=str(row.get("source", "dev")),
            text=str(row["text"]),
            parent=tables.roll_up(str(row["rome"])),
            labels=tuple(dict.fromkeys(c["code"] for c in row.get("competences", []))),
            title=str(row.get("intitule") or ""),
        )
        for i, row in enumerate(_jsonl(path))
    ]


def read_titles(path: Path, tables: Tables) -> list[Example]:
    """Ad titles as classifier examples (key: the ad id, shared with its description)."""
    return [
        Example(str(r["query"]), tables.roll_up(str(r["rome"])), str(r["source"]), str(r["id"]))
        for r in _jsonl(path)
        if r.get("query")
    ]


def fingerprint(paths: list[Path]) -> str:
    """sha256 of the named files' bytes, in the given order."""
    digest = hashlib.sha256()
    for path in paths:
        for file in sorted(path.glob("*.csv")) if path.is_dir() else [path]:
            digest.update(file.name.encode())
            digest.update(file.read_bytes())
    return digest.hexdigest()


@dataclass
class Corpus:
    """Everything the trainers read, loaded once."""

    tables: Tables
    descriptions: list[Ad]
    competences: list[Ad]
    titles: list[Example]
    export: list[Example]
    inputs: list[Path]


def load_corpus(train_dir: Path, rome_dir: Path) -> Corpus:
    """Read the export and the training ads."""
    ref = load_referential(rome_dir)
    tables = build_tables(ref)
    return Corpus(
        tables=tables,
        descriptions=read_ads(train_dir / DESCRIPTIONS, tables),
        competences=read_ads(train_dir / COMPETENCES, tables),
        titles=read_titles(train_dir / TITLES, tables),
        export=export_examples(ref, tables),
        inputs=[train_dir / DESCRIPTIONS, train_dir / COMPETENCES, train_dir / TITLES, rome_dir],
    )
