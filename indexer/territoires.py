"""French territories from the official files: INSEE COG 2024 régions, départements, communes,
and the La Poste postcode table (as published by the Base Adresse Nationale).

Read at run time from `METIERSCOPE_TERRITOIRES_DIR`, never copied into the repository. Every
row is validated; a bad one is reported as `file:line field: reason` like the ROME export.
Communes déléguées, associées and the arrondissements of Paris, Lyon and Marseille resolve to
the commune they belong to (COMPARENT), which is what job offers and statistics use.
"""

import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from indexer.referential.csvfile import ExportFileError, Row, read_rows
from indexer.referential.report import RowError, ValidationReport
from models.refs import CodeLabel
from models.territoires import TerritoireDoc

REGIONS_FILE = "v_region_2024.csv"
DEPARTEMENTS_FILE = "v_departement_2024.csv"
COMMUNES_FILE = "v_commune_2024.csv"
POSTCODES_FILE = "codes-postaux.json"

COMMUNE_CODE = re.compile(r"^(?:\d{5}|2[AB]\d{3})$")
DEPARTEMENT_CODE = re.compile(r"^(?:\d{2}|2[AB]|97\d)$")
POSTCODE = re.compile(r"^\d{5}$")
# "07 - PRIVAS", "974 - ST DENIS": the label France Travail gives a workplace.
PLACE_LABEL = re.compile(r"^\s*(\d{2,3}|2[AB])\s*-\s*(.+?)\s*$")


@dataclass(frozen=True)
class Region:
    """A région (code INSEE)."""

    code: str
    libelle: str


@dataclass(frozen=True)
class Departement:
    """A département and its région."""

    code: str
    libelle: str
    region: str


@dataclass
class Commune:
    """A commune with its département, région and postcodes."""

    code: str
    libelle: str
    departement: str
    region: str
    postcodes: list[str] = field(default_factory=list)


Localisation = Literal["commune", "code_postal", "libelle"]  # how an offer's place was known


@dataclass(frozen=True)
class Place:
    """Where an offer is: its commune (if known), département and région, and how we knew."""

    commune: str | None
    departement: str
    region: str
    method: Localisation


def fold_name(name: str) -> str:
    """Comparable form of a place name: "ST DIDIER SOUS AUBENAS" = "Saint-Didier-sous-Aubenas"."""
    decomposed = unicodedata.normalize("NFKD", name.lower())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    words = re.sub(r"[^a-z0-9]+", " ", plain).split()
    expanded = {"st": "saint", "ste": "sainte"}
    return " ".join(expanded.get(w, w) for w in words)


def short_forms(name: str) -> list[str]:
    """Other spellings people type: "Saint-Étienne" -> "St-Étienne"."""
    forms = re.sub(r"\bSainte\b", "Ste", name), re.sub(r"\bSaint\b", "St", name)
    return sorted({f for f in forms if f != name})


@dataclass
class Territoires:
    """The territory referential and the lookups offers need."""

    regions: dict[str, Region]
    departements: dict[str, Departement]
    communes: dict[str, Commune]
    parent_of: dict[str, str]  # commune déléguée / associée / arrondissement -> its commune
    report: ValidationReport
    by_postcode: dict[str, list[str]] = field(default_factory=dict)
    by_name: dict[tuple[str, str], str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        by_postcode: dict[str, list[str]] = defaultdict(list)
        for commune in self.communes.values():
            for postcode in commune.postcodes:
                by_postcode[postcode].append(commune.code)
            self.by_name[(commune.departement, fold_name(commune.libelle))] = commune.code
        self.by_postcode = dict(by_postcode)

    def commune(self, code: str | None) -> Commune | None:
        """The commune of a code, a commune déléguée or an arrondissement resolving up."""
        if not code:
            return None
        code = self.parent_of.get(code, code)
        return self.communes.get(code)

    def locate(self, lieu: dict[str, Any] | None) -> Place | None:
        """Resolve an offer's `lieuTravail`: commune code, else postcode, else its label."""
        if not lieu:
            return None
        commune = self.commune(str(lieu.get("commune") or ""))
        if commune:
            return Place(commune.code, commune.departement, commune.region, "commune")
        postcode = str(lieu.get("codePostal") or "")
        codes = self.by_postcode.get(postcode, [])
        if codes:
            first = self.communes[codes[0]]
            # A postcode shared by several communes still names one département.
            single = codes[0] if len(codes) == 1 else None
            return Place(single, first.departement, first.region, "code_postal")
        label = PLACE_LABEL.match(str(lieu.get("libelle") or ""))
        if label:
            dep = label.group(1).zfill(2) if len(label.group(1)) < 2 else label.group(1)
            departement = self.departements.get(dep)
            if departement:
                code = self.by_name.get((dep, fold_name(label.group(2))))
                return Place(code, dep, departement.region, "libelle")
        return None


def _required(path: Path) -> Path:
    if not path.is_file():
        raise ExportFileError(f"{path}: missing territory file (METIERSCOPE_TERRITOIRES_DIR)")
    return path


def load_territoires(folder: Path) -> Territoires:
    """Read and validate the four territory files of a folder."""
    report = ValidationReport()
    regions = {
        row["REG"]: Region(row["REG"], row["LIBELLE"])
        for row in read_rows(_required(folder / REGIONS_FILE), ("REG", "LIBELLE"), report)
    }
    departements = _read_departements(folder / DEPARTEMENTS_FILE, regions, report)
    communes, parent_of = _read_communes(folder / COMMUNES_FILE, departements, report)
    _read_postcodes(_required(folder / POSTCODES_FILE), communes, parent_of, report)
    return Territoires(regions, departements, communes, parent_of, report)


def _problem(row: Row, column: str, reason: str) -> RowError:
    return RowError(row.file, row.line, column, reason, row[column])


def _read_departements(
    path: Path, regions: dict[str, Region], report: ValidationReport
) -> dict[str, Departement]:
    departements = {}
    for row in read_rows(_required(path), ("DEP", "REG", "LIBELLE"), report):
        if not DEPARTEMENT_CODE.match(row["DEP"]):
            report.errors.append(_problem(row, "DEP", "not a département code"))
        elif row["REG"] not in regions:
            report.dangling.append(_problem(row, "REG", "no such région"))
        else:
            departements[row["DEP"]] = Departement(row["DEP"], row["LIBELLE"], row["REG"])
    return departements


def _read_communes(
    path: Path, departements: dict[str, Departement], report: ValidationReport
) -> tuple[dict[str, Commune], dict[str, str]]:
    communes: dict[str, Commune] = {}
    parent_of: dict[str, str] = {}
    columns = ("TYPECOM", "COM", "REG", "DEP", "LIBELLE", "COMPARENT")
    for row in read_rows(_required(path), columns, report):
        code = row["COM"]
        if not COMMUNE_CODE.match(code):
            report.errors.append(_problem(row, "COM", "not a commune code"))
        elif row["TYPECOM"] != "COM":
            if not COMMUNE_CODE.match(row["COMPARENT"]):
                report.errors.append(_problem(row, "COMPARENT", "not a commune code"))
            elif code not in communes:  # a commune déléguée may share its parent's code
                parent_of[code] = row["COMPARENT"]
        elif row["DEP"] not in departements:
            report.dangling.append(_problem(row, "DEP", "no such département"))
        else:
            communes[code] = Commune(code, row["LIBELLE"], row["DEP"], row["REG"])
            parent_of.pop(code, None)
    for child, parent in sorted(parent_of.items()):
        if parent not in communes:
            report.dangling.append(RowError(path.name, 0, "COMPARENT", "no such commune", parent))
            del parent_of[child]
    return communes, parent_of


def _read_postcodes(
    path: Path, communes: dict[str, Commune], parent_of: dict[str, str], report: ValidationReport
) -> None:
    """Attach each postcode of the La Poste table to its commune (line = array position)."""
    try:
        entries = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise ExportFileError(f"{path.name}: not a JSON array ({e})") from e
    if not isinstance(entries, list):
        raise ExportFileError(f"{path.name}: not a JSON array")
    for number, entry in enumerate(entries, start=1):
        report.read[path.name] += 1
        if not isinstance(entry, dict):
            report.errors.append(RowError(path.name, number, "*", "not an object"))
            continue
        postcode, code = str(entry.get("codePostal", "")), str(entry.get("codeCommune", ""))
        commune = communes.get(parent_of.get(code, code))
        if not POSTCODE.match(postcode):
            report.errors.append(
                RowError(path.name, number, "codePostal", "not a postcode", postcode)
            )
        elif commune is None:  # e.g. Saint-Pierre-et-Miquelon, outside the COG commune list
            report.dangling.append(
                RowError(path.name, number, "codeCommune", "no such commune", code)
            )
        elif postcode not in commune.postcodes:
            commune.postcodes.append(postcode)


def territoire_id(doc: TerritoireDoc) -> str:
    """Document id of a territory: its kind and code ("departement-07")."""
    return doc.id


def territoire_docs(territoires: Territoires) -> Iterator[TerritoireDoc]:
    """One search document per région, département and commune."""
    regions, departements = territoires.regions, territoires.departements

    def region_of(code: str) -> CodeLabel:
        return CodeLabel(code=code, libelle=regions[code].libelle)

    for region in regions.values():
        yield TerritoireDoc(
            type="region",
            code=region.code,
            libelle=region.libelle,
            formes=short_forms(region.libelle),
        )
    for dep in departements.values():
        yield TerritoireDoc(
            type="departement",
            code=dep.code,
            libelle=dep.libelle,
            formes=[*short_forms(dep.libelle), dep.code],
            region=region_of(dep.region),
        )
    for commune in territoires.communes.values():
        dep = departements[commune.departement]
        yield TerritoireDoc(
            type="commune",
            code=commune.code,
            libelle=commune.libelle,
            formes=short_forms(commune.libelle),
            codes_postaux=sorted(commune.postcodes),
            departement=CodeLabel(code=dep.code, libelle=dep.libelle),
            region=region_of(dep.region),
        )
