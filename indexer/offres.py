"""Job offers in the France Travail "Offres d'emploi v2" format, resolved and made searchable.

An offer is kept as published (`source`, not indexed) next to what MétierScope derives from it:
its commune, département and région (from `lieuTravail.commune`, else `codePostal`, else the
"07 - PRIVAS" label), its fiche and the fiche métier above it, its appellation when the label
matches one, and its salary as a monthly range when the text says so. Any field may be missing
or null; only `id` and `intitule` are required.
"""

import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from indexer.referential.load import Referential
from indexer.referential.report import RowError
from indexer.territoires import Territoires, fold_name

# Legal monthly hours of a 35-hour week (35 * 52 / 12): hourly rates to monthly pay.
HOURS_PER_MONTH = 151.67
SALARY = re.compile(
    r"^\s*(?P<period>Horaire|Mensuel|Annuel)\s+de\s+(?P<low>\d+(?:[.,]\d+)?)\s*Euros?"
    r"(?:\s+à\s+(?P<high>\d+(?:[.,]\d+)?)\s*Euros?)?"
    r"(?:\s+sur\s+(?P<months>\d+(?:[.,]\d+)?)\s*mois)?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class MonthlySalary:
    """A gross monthly range in euros, from the published salary text."""

    minimum: float
    maximum: float
    period: str  # horaire | mensuel | annuel, as published


def monthly_salary(label: str | None) -> MonthlySalary | None:
    """ "Mensuel de 1900.0 Euros à 2000.0 Euros sur 12 mois" -> 1900..2000 a month.

    Hourly rates count 151.67 hours a month; yearly pay is spread over 12 months; a monthly
    pay paid over 13 months is averaged over 12 (so offers compare)."""
    match = SALARY.match(label or "")
    if not match:
        return None
    low = float(match["low"].replace(",", "."))
    high = float((match["high"] or match["low"]).replace(",", "."))
    months = float((match["months"] or "12").replace(",", "."))
    period = match["period"].lower()
    factor = {"horaire": HOURS_PER_MONTH, "mensuel": months / 12, "annuel": 1 / 12}[period]
    low, high = sorted((low * factor, high * factor))
    return MonthlySalary(round(low, 2), round(high, 2), period)


@dataclass
class OffersReport:
    """What an ingestion read, resolved and rejected."""

    read: int = 0
    errors: list[RowError] = field(default_factory=list)
    territory: Counter[str] = field(default_factory=Counter)  # resolution method or "unresolved"
    fiche: Counter[str] = field(default_factory=Counter)  # resolved | unknown code | no code
    appellation: int = 0
    salary: int = 0


def read_offers(path: Path, report: OffersReport) -> Iterator[tuple[int, dict[str, Any]]]:
    """Offers of a file, with their line: JSON lines, or the API's search pages (one JSON
    object with `resultats` per line, or a single such object / a JSON array)."""
    text = path.read_text(encoding="utf-8")
    stripped = text.lstrip()
    if stripped.startswith("[") or (stripped.startswith("{") and "\n{" not in stripped):
        try:
            whole = json.loads(text)
        except json.JSONDecodeError as e:
            report.errors.append(RowError(path.name, e.lineno, "*", f"invalid JSON: {e.msg}"))
            return
        yield from _offers_of(path.name, 1, whole, report)
        return
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as e:
            report.errors.append(RowError(path.name, number, "*", f"invalid JSON: {e.msg}"))
            continue
        yield from _offers_of(path.name, number, value, report)


def validated(
    offers: Iterable[tuple[int, object]], source: str, report: OffersReport
) -> Iterator[tuple[int, dict[str, Any]]]:
    """Offers that have what indexing needs; the others reported with their position."""
    for number, item in offers:
        yield from _offers_of(source, number, [item], report)


def _offers_of(
    file: str, line: int, value: object, report: OffersReport
) -> Iterator[tuple[int, dict[str, Any]]]:
    if isinstance(value, dict) and isinstance(value.get("resultats"), list):
        value = value["resultats"]
    items = value if isinstance(value, list) else [value]
    for item in items:
        report.read += 1
        if not isinstance(item, dict):
            report.errors.append(RowError(file, line, "*", "an offer must be a JSON object"))
        elif not isinstance(item.get("id"), str) or not item["id"].strip():
            report.errors.append(RowError(file, line, "id", "missing or not a string"))
        elif not isinstance(item.get("intitule"), str) or not item["intitule"].strip():
            report.errors.append(RowError(file, line, "intitule", "missing or not a string"))
        elif item.get("dateCreation") is not None and _date(item["dateCreation"]) is None:
            report.errors.append(
                RowError(file, line, "dateCreation", "not a date", str(item["dateCreation"]))
            )
        else:
            yield line, item


def _date(value: object) -> str | None:
    """ISO date-time as published ("2025-05-31T14:14:44.737Z"), or None if unparseable."""
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).isoformat()
    except ValueError:
        return None


class OfferResolver:
    """Resolves offers against the territories and the ROME referential."""

    def __init__(self, territoires: Territoires, ref: Referential) -> None:
        self.territoires = territoires
        self.ref = ref
        self.appellations = {fold_name(a.libelle): a.code_ogr for a in ref.appellations.values()}

    def document(self, offer: dict[str, Any], report: OffersReport) -> dict[str, Any]:
        """The search document of one valid offer; counts what resolved into the report."""
        doc: dict[str, Any] = {
            "id": offer["id"],
            "intitule": offer["intitule"],
            "description": offer.get("description") or "",
            "date_creation": _date(offer.get("dateCreation")),
            "date_actualisation": _date(offer.get("dateActualisation")),
            "type_contrat": offer.get("typeContrat"),
            "type_contrat_libelle": offer.get("typeContratLibelle"),
            "secteur": _code_label(
                offer.get("secteurActivite"), offer.get("secteurActiviteLibelle")
            ),
            "competences": [
                c["code"]
                for c in offer.get("competences") or []
                if isinstance(c, dict) and c.get("code")
            ],
            "source": offer,
        }
        doc.update(self._territory(offer.get("lieuTravail"), report))
        doc.update(self._fiche(offer, report))
        salary = monthly_salary((offer.get("salaire") or {}).get("libelle"))
        if salary:
            report.salary += 1
            doc["salaire"] = {
                "min": salary.minimum,
                "max": salary.maximum,
                "mensuel": round((salary.minimum + salary.maximum) / 2, 2),
                "periode": salary.period,
            }
        return doc

    def _territory(self, lieu: object, report: OffersReport) -> dict[str, Any]:
        place = self.territoires.locate(lieu if isinstance(lieu, dict) else None)
        report.territory[place.method if place else "unresolved"] += 1
        if place is None:
            return {}
        t = self.territoires
        commune = t.communes.get(place.commune or "")
        region = t.regions[place.region]
        return {
            "commune": _code_label(commune.code, commune.libelle) if commune else None,
            "departement": _code_label(
                place.departement, t.departements[place.departement].libelle
            ),
            "region": _code_label(region.code, region.libelle),
            "localisation": place.method,
        }

    def _fiche(self, offer: dict[str, Any], report: OffersReport) -> dict[str, Any]:
        code = str(offer.get("romeCode") or "").strip().upper()
        fiche = self.ref.fiches.get(code)
        if fiche is None:
            report.fiche["unknown code" if code else "no code"] += 1
            return {}
        report.fiche["resolved"] += 1
        parent = self.ref.fiches[fiche.code_rome_parent]
        out: dict[str, Any] = {
            "fiche": _code_label(fiche.code_rome, fiche.libelle),
            "parent": _code_label(parent.code_rome, parent.libelle),
        }
        label = offer.get("appellationlibelle")
        appellation = self.appellations.get(fold_name(label)) if isinstance(label, str) else None
        if appellation:
            report.appellation += 1
            out["appellation"] = _code_label(
                appellation, self.ref.appellations[appellation].libelle
            )
        return out


def _code_label(code: object, label: object) -> dict[str, str] | None:
    return {"code": str(code), "libelle": str(label or code)} if code else None


def documents(
    offers: Iterable[tuple[int, dict[str, Any]]], resolver: OfferResolver, report: OffersReport
) -> Iterator[dict[str, Any]]:
    """Search documents of valid offers (the last version of an id wins downstream)."""
    for _, offer in offers:
        yield resolver.document(offer, report)
