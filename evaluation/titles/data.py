"""Training and evaluation titles, the referential catalog, and the data fingerprint."""

import csv
import hashlib
import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from indexer.referential.load import load_referential
from ranking.catalog import STOP_WORDS, AppellationInfo, Catalog
from ranking.text import normalise

TITLES_FILE = "titles.jsonl"
# Sources whose ads carry no appellation (title -> ROME only); reported separately.
TITLE_ONLY_SOURCES = frozenset(
    {"pierre-jannot/ObservIA", "Lilyaz16/lso_france_travail", "GeomarkSIG/France_Travail"}
)


@dataclass(frozen=True)
class TitleExample:
    """One labelled ad title."""

    source: str
    query: str
    rome: str
    rome_parent: str
    appellation: str | None
    trivial: bool


def load_examples(path: Path) -> list[TitleExample]:
    """Read a titles.jsonl file (training or evaluation format)."""
    out: list[TitleExample] = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            row = json.loads(line)
            out.append(
                TitleExample(
                    source=str(row.get("source") or path.parent.name),
                    query=str(row["query"]),
                    rome=str(row["rome"]),
                    rome_parent=str(row["rome_parent"]),
                    appellation=row.get("appellation_code"),
                    trivial=bool(row.get("trivial", False)),
                )
            )
    return out


def cap_per_code(
    examples: list[TitleExample], cap: int, key: str = "rome_parent"
) -> list[TitleExample]:
    """Keep at most `cap` distinct titles per (source, code), in file order (deterministic)."""
    seen: set[tuple[str, str, str]] = set()
    counts: Counter[tuple[str, str]] = Counter()
    kept: list[TitleExample] = []
    for ex in examples:
        code = getattr(ex, key)
        dedupe = (ex.source, ex.query.lower(), code)
        if dedupe in seen or counts[(ex.source, code)] >= cap:
            continue
        seen.add(dedupe)
        counts[(ex.source, code)] += 1
        kept.append(ex)
    return kept


def load_catalog(rome_dir: Path) -> Catalog:
    """Every appellation of the export with its fiche, parent and flags."""
    ref = load_referential(rome_dir)
    return Catalog.build(
        AppellationInfo(
            code=a.code_ogr,
            libelle=a.libelle,
            libelle_court=a.libelle_court,
            fiche=a.code_rome,
            parent=a.code_rome_parent,
            principale=a.classification == "PRINCIPALE",
            peu_usite=a.peu_usite,
        )
        for a in ref.appellations.values()
    )


PLACE_FILES = ("v_commune_2024.csv", "v_departement_2024.csv", "v_region_2024.csv")
MIN_PLACE = 4  # shorter names ("Eu", "Y") are too often something else


def load_places(territoires_dir: Path, catalog: Catalog) -> list[str]:
    """Normalised names of communes, départements and régions, "saint" also as "st", minus
    any name sharing a content word with an appellation label ("Bois", "Charpentier")."""
    label_words = {w for text in catalog.texts for w in text.split()}
    names: set[str] = set()
    for file in PLACE_FILES:
        path = territoires_dir / file
        if not path.exists():
            continue
        with path.open(encoding="utf-8") as handle:
            names.update(normalise(row["LIBELLE"]) for row in csv.DictReader(handle))
    names |= {" ".join("st" if w == "saint" else w for w in n.split()) for n in names}
    return sorted(
        n
        for n in names
        if len(n) >= MIN_PLACE
        and not any(w in label_words for w in n.split() if w not in STOP_WORDS)
    )


def fingerprint(files: list[Path]) -> str:
    """sha256 over the names and bytes of the given files, in sorted order."""
    digest = hashlib.sha256()
    for path in sorted(files):
        digest.update(path.name.encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def export_files(rome_dir: Path) -> list[Path]:
    """The export files the ranker reads (appellations and fiches)."""
    return sorted(
        p
        for p in rome_dir.glob("unix_referentiel_*_v4*_utf8.csv")
        if "appellation" in p.name or "code_rome_v" in p.name
    )
