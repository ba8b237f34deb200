""" "Passer à l'action": the links to the public services for a métier and a place, from the
URL patterns of `actions.json` (each documented with its source and whether it is confirmed).

A pattern's scheme and host are fixed text and every value is URL-encoded before it is put in,
so a link can only ever point at the service it is written for (no open redirect).
"""

import json
from dataclasses import dataclass
from pathlib import Path
from string import Formatter
from typing import Literal, Self
from urllib.parse import quote, urlsplit

from pydantic import BaseModel, ConfigDict, Field, model_validator

PlaceLevel = Literal["commune", "departement", "region"]
Level = PlaceLevel | Literal["france"]
CATALOGUE_FILE = Path(__file__).with_name("actions.json")
METIER_KEYS = frozenset({"code_rome", "metier", "appellation_code", "appellation"})
# What a pattern may use at each level: a commune knows its département and région too.
PLACE_KEYS: dict[Level, frozenset[str]] = {
    "commune": frozenset(
        {"commune", "code_postal", "commune_libelle", "departement", "departement_libelle"}
        | {"region", "region_libelle", "lieu"}
    ),
    "departement": frozenset({"departement", "departement_libelle", "region", "region_libelle"})
    | {"lieu"},
    "region": frozenset({"region", "region_libelle", "lieu"}),
    "france": frozenset(),
}
# Where a place's search falls back when a service has no pattern at its level.
FALLBACK: dict[Level, tuple[Level, ...]] = {
    "commune": ("commune", "departement", "region", "france"),
    "departement": ("departement", "region", "france"),
    "region": ("region", "france"),
    "france": ("france",),
}


def placeholders(url: str) -> set[str]:
    """The `{name}` fields of a pattern; a format spec, conversion or attribute is refused."""
    names = set()
    for _, name, spec, conversion in Formatter().parse(url):
        if name is None:
            continue
        if spec or conversion or not name.isidentifier():
            raise ValueError(f"placeholder {{{name}}} must be a bare name")
        names.add(name)
    return names


class Pattern(BaseModel):
    """One URL pattern of a service, for the place levels it can search."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    levels: tuple[Level, ...] = Field(min_length=1, description="Levels it serves.")
    url: str = Field(pattern=r"^https://", description="The pattern.")
    confirmed: bool = Field(description="Documented or implemented by the operator's code.")
    source: str = Field(min_length=10, description="Where the scheme was found.")
    note: str | None = Field(description="What is not confirmed.")

    @model_validator(mode="after")
    def _checked(self) -> Self:
        host = urlsplit(self.url).netloc
        if not host or "{" in host:
            raise ValueError(f"{self.url}: the host must be fixed text")
        allowed = METIER_KEYS | frozenset.intersection(*(PLACE_KEYS[lv] for lv in self.levels))
        if unknown := placeholders(self.url) - allowed:
            raise ValueError(f"{self.url}: {sorted(unknown)} not available at {self.levels}")
        if not self.confirmed and not self.note:
            raise ValueError(f"{self.url}: an unconfirmed pattern says why in `note`")
        return self


class Service(BaseModel):
    """A public service and its patterns."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    label: str = Field(min_length=1, description="What the link does.")
    provider: str = Field(min_length=1, description="Who runs the service.")
    links: tuple[Pattern, ...] = Field(min_length=1, description="Its patterns.")

    @model_validator(mode="after")
    def _one_per_level(self) -> Self:
        levels = [lv for p in self.links for lv in p.levels]
        if len(levels) != len(set(levels)) or "france" not in levels:
            raise ValueError("each level at most once, and a `france` pattern")
        return self

    def pattern(self, level: Level) -> Pattern | None:
        """Its pattern for that level, if any."""
        return next((p for p in self.links if level in p.levels), None)


class Catalogue(BaseModel):
    """Every service, by key (the key names it in `/sortie/{service}` and in the metrics)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    about: str = Field(description="What the file is.")
    services: dict[str, Service] = Field(min_length=1, description="Services by key.")

    @model_validator(mode="after")
    def _keys(self) -> Self:
        for key in self.services:
            if not key.isidentifier() or not key.islower():
                raise ValueError(f"service key {key!r}: lowercase identifier expected")
        return self


def load_catalogue(path: Path = CATALOGUE_FILE) -> Catalogue:
    """The catalogue file, checked (a broken pattern stops the app at start-up)."""
    return Catalogue.model_validate(json.loads(path.read_text(encoding="utf-8")))


@dataclass(frozen=True)
class PlaceName:
    """A territory's kind, code and name."""

    type: PlaceLevel
    code: str
    libelle: str


@dataclass(frozen=True)
class Place:
    """A territory and the areas it is part of: `departement` and `region` are the
    territory itself when it is one."""

    name: PlaceName
    departement: PlaceName | None
    region: PlaceName | None
    code_postal: str | None

    def at(self, level: Level) -> PlaceName | None:
        """The territory or the area containing it at that level (None: none, or france)."""
        if level == "commune":
            return self.name if self.name.type == "commune" else None
        return {"departement": self.departement, "region": self.region}.get(level)


@dataclass(frozen=True)
class Metier:
    """What the services search: the fiche métier's code, the fiche's title, an appellation."""

    code_rome: str
    libelle: str
    appellation_code: str
    appellation: str


@dataclass(frozen=True)
class Link:
    """A built link: its URL, the pattern behind it and the place it searches (None: France)."""

    url: str
    pattern: Pattern
    lieu: PlaceName | None


def _values(metier: Metier, place: Place | None, level: Level) -> dict[str, str]:
    values = {
        "code_rome": metier.code_rome,
        "metier": metier.libelle,
        "appellation_code": metier.appellation_code,
        "appellation": metier.appellation,
    }
    if place is None or level == "france":
        return values
    for name in (place.at("commune"), place.departement, place.region):
        if name is not None:
            values[name.type] = name.code
            values[f"{name.type}_libelle"] = name.libelle
    if place.code_postal:
        values["code_postal"] = place.code_postal
    lieu = place.at(level)
    values["lieu"] = lieu.libelle if lieu else ""
    return values


def build_link(service: Service, metier: Metier, place: Place | None) -> Link:
    """The service's link at the place's own level, else at the nearest larger one."""
    levels = FALLBACK[place.name.type if place else "france"]
    level, pattern = next(
        (lv, p)
        for lv in levels
        if (p := service.pattern(lv)) and (lv == "france" or (place and place.at(lv)))
    )
    encoded = {k: quote(v, safe="") for k, v in _values(metier, place, level).items()}
    return Link(pattern.url.format_map(encoded), pattern, place.at(level) if place else None)
