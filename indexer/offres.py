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
from typing import Any, Literal, cast

from pydantic import MISSING

from indexer.referential.load import Referential
from indexer.referential.report import RowError
from indexer.territoires import Localisation, Territoires, fold_name
from models.offres import OffreDoc, Salaire
from models.refs import CodeLabel

# Legal monthly hours of a 35-hour week (35 * 52 / 12): hourly rates to monthly pay.
HOURS_PER_MONTH = 151.67
SALARY = re.compile(
    r"^\s*(?P<period>Horaire|Mensuel|Annuel)\s+de\s+(?P<low>\d+(?:[.,]\d+)?)\s*Euros?"
    r"(?:\s+à\s+(?P<high>\d+(?:[.,]\d+)?)\s*Euros?)?"
    r"(?:\s+sur\s+(?P<months>\d+(?:[.,]\d+)?)\s*mois)?",
    re.IGNORECASE,
)


Period = Literal["horaire", "mensuel", "annuel"]


@dataclass(frozen=True)
class MonthlySalary:
    """A gross monthly range in euros, from the published salary text."""

    minimum: float
    maximum: float
    period: Period  # as published


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
    period = cast(Period, match["period"].lower())  # the pattern allows these three only
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


# Offer fields copied into the search document as text: another type is a bad row.
TEXT_FIELDS = ("description", "typeContrat", "typeContratLibelle", "secteurActiviteLibelle")


def _not_text(item: dict[str, Any]) -> str | None:
    """The first text field holding something else than a string, if any."""
    return next(
        (k for k in TEXT_FIELDS if item.get(k) is not None and not isinstance(item[k], str)), None
    )


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
        elif (name := _not_text(item)) is not None:
            report.errors.append(RowError(file, line, name, "not a string", str(item[name])))
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


@dataclass(frozen=True)
class ResolvedPlace:
    """The territory of an offer, as its document carries it."""

    commune: CodeLabel | None  # None when only the département is known
    departement: CodeLabel
    region: CodeLabel
    localisation: Localisation


@dataclass(frozen=True)
class ResolvedFiche:
    """The fiche, fiche métier and appellation of an offer."""

    fiche: CodeLabel
    parent: CodeLabel
    appellation: CodeLabel | None


def _salaire(salary: MonthlySalary) -> Salaire:
    return Salaire(
        min=salary.minimum,
        max=salary.maximum,
        mensuel=round((salary.minimum + salary.maximum) / 2, 2),
        periode=salary.period,
    )


class OfferResolver:
    """Resolves offers against the territories and the ROME referential."""

    def __init__(self, territoires: Territoires, ref: Referential) -> None:
        self.territoires = territoires
        self.ref = ref
        self.appellations = {fold_name(a.libelle): a.code_ogr for a in ref.appellations.values()}

    def document(self, offer: dict[str, Any], report: OffersReport) -> OffreDoc:
        """The search document of one valid offer; counts what resolved into the report."""
        place = self._territory(offer.get("lieuTravail"), report)
        fiche = self._fiche(offer, report)
        salary = monthly_salary((offer.get("salaire") or {}).get("libelle"))
        if salary:
            report.salary += 1
        return OffreDoc(
            id=offer["id"],
            intitule=offer["intitule"],
            description=offer.get("description") or "",
            date_creation=_date(offer.get("dateCreation")),
            date_actualisation=_date(offer.get("dateActualisation")),
            type_contrat=offer.get("typeContrat"),
            type_contrat_libelle=offer.get("typeContratLibelle"),
            secteur=_code_label(offer.get("secteurActivite"), offer.get("secteurActiviteLibelle")),
            competences=[
                str(c["code"])
                for c in offer.get("competences") or []
                if isinstance(c, dict) and c.get("code")
            ],
            source=offer,
            commune=place.commune if place else MISSING,
            departement=place.departement if place else MISSING,
            region=place.region if place else MISSING,
            localisation=place.localisation if place else MISSING,
            fiche=fiche.fiche if fiche else MISSING,
            parent=fiche.parent if fiche else MISSING,
            appellation=fiche.appellation if fiche and fiche.appellation else MISSING,
            salaire=_salaire(salary) if salary else MISSING,
        )

    def _territory(self, lieu: object, report: OffersReport) -> ResolvedPlace | None:
        place = self.territoires.locate(lieu if isinstance(lieu, dict) else None)
        report.territory[place.method if place else "unresolved"] += 1
        if place is None:
            return None
        t = self.territoires
        commune = t.communes.get(place.commune or "")
        region = t.regions[place.region]
        return ResolvedPlace(
            commune=CodeLabel(code=commune.code, libelle=commune.libelle) if commune else None,
            departement=CodeLabel(
                code=place.departement, libelle=t.departements[place.departement].libelle
            ),
            region=CodeLabel(code=region.code, libelle=region.libelle),
            localisation=place.method,
        )

    def _fiche(self, offer: dict[str, Any], report: OffersReport) -> ResolvedFiche | None:
        code = str(offer.get("romeCode") or "").strip().upper()
        fiche = self.ref.fiches.get(code)
        if fiche is None:
            report.fiche["unknown code" if code else "no code"] += 1
            return None
        report.fiche["resolved"] += 1
        parent = self.ref.fiches[fiche.code_rome_parent]
        label = offer.get("appellationlibelle")
        appellation = self.appellations.get(fold_name(label)) if isinstance(label, str) else None
        if appellation:
            report.appellation += 1
        return ResolvedFiche(
            fiche=CodeLabel(code=fiche.code_rome, libelle=fiche.libelle),
            parent=CodeLabel(code=parent.code_rome, libelle=parent.libelle),
            appellation=CodeLabel(
                code=appellation, libelle=self.ref.appellations[appellation].libelle
            )
            if appellation
            else None,
        )


def _code_label(code: object, label: object) -> CodeLabel | None:
    return CodeLabel(code=str(code), libelle=str(label or code)) if code else None


def documents(
    offers: Iterable[tuple[int, dict[str, Any]]], resolver: OfferResolver, report: OffersReport
) -> Iterator[OffreDoc]:
    """Search documents of valid offers (the last version of an id wins downstream)."""
    for _, offer in offers:
        yield resolver.document(offer, report)
