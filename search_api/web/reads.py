"""What the pages read through the engine beyond the domain services (bodies in `queries`)."""

from dataclasses import dataclass, field
from typing import Any

from models.offres import OffreSummary
from models.refs import CodeLabel, Document, MacroRef
from search_api.common.engine import Engine
from search_api.common.facets import FacetCount, bucket_values
from search_api.offres.service import Territory
from search_api.web import queries


class MacroPath(Document):
    """A macro-compétence with its place in the tree, as the tree request reads it."""

    code_ogr: str
    libelle: str
    macro: MacroRef
    domaine: CodeLabel
    enjeu: CodeLabel
    objectif: CodeLabel


@dataclass
class Node:
    """A node of the compétences tree; a macro-compétence counts its savoir-faire."""

    code: str
    libelle: str
    children: list["Node"] = field(default_factory=list)
    count: int = 0


@dataclass(frozen=True)
class Metiers:
    """Fiches métier of a browsing page, and the sous-secteurs among them."""

    total: int
    metiers: list[tuple[str, str]]
    sous_secteurs: list[FacetCount]


def tree(macros: list[MacroPath], counts: dict[str, int]) -> list[Node]:
    """Domaines > enjeux > objectifs > macro-compétences, in tree-code order (a macro's code,
    e.g. 1B102, starts with its objectif's, enjeu's and domaine's)."""
    roots: list[Node] = []
    seen: dict[tuple[str, ...], Node] = {}
    for macro in sorted(macros, key=lambda m: m.macro.code):
        siblings = roots
        path: tuple[str, ...] = ()
        for step in (macro.domaine, macro.enjeu, macro.objectif):
            path = (*path, step.code)
            node = seen.get(path)
            if node is None:
                node = seen[path] = Node(step.code, step.libelle)
                siblings.append(node)
            siblings = node.children
        siblings.append(Node(macro.code_ogr, macro.libelle, count=counts.get(macro.code_ogr, 0)))
    return roots


async def competences_tree(engine: Engine) -> list[Node]:
    """The whole tree down to the macro-compétences, in one request."""
    response = await engine.search(("competences",), queries.macros_body())
    macros = [MacroPath.model_validate(h["_source"]) for h in response["hits"]["hits"]]
    buckets = response["aggregations"]["savoir_faire"]["macros"]["buckets"]
    return tree(macros, {b["key"]: int(b["doc_count"]) for b in buckets})


async def under_macro(engine: Engine, code_ogr: str) -> list[tuple[str, str, int]]:
    """(code, label, fiches using it) of the savoir-faire under a macro-compétence."""
    response = await engine.search(("competences",), queries.under_macro_body(code_ogr))
    hits = [h["_source"] for h in response["hits"]["hits"]]
    return [(h["code_ogr"], h["libelle"], int(h["fiche_count"])) for h in hits]


async def fiches_with_macro(engine: Engine, code_ogr: str) -> list[tuple[str, str]]:
    """(code, title) of the fiches that mobilise a macro-compétence, alphabetical."""
    response = await engine.search(("fiches",), queries.fiches_with_macro_body(code_ogr))
    return [(h["_id"], str(h["_source"]["libelle"])) for h in response["hits"]["hits"]]


async def latest_offers(
    engine: Engine, code_rome: str, place: Territory | None
) -> list[OffreSummary]:
    """The newest offers of a fiche in the territory (nationally without one)."""
    scope = queries.scope_clause(place.type, place.code) if place else None
    response = await engine.search(("offres",), queries.latest_offers_body(code_rome, scope))
    return [OffreSummary.model_validate(h["_source"]) for h in response["hits"]["hits"]]


async def did_you_mean(engine: Engine, q: str) -> str | None:
    """A job title spelt close to the query; None when nothing is close or it is the query."""
    response = await engine.search(("appellations",), queries.did_you_mean_body(q))
    hits = response["hits"]["hits"]
    label = str(hits[0]["_source"]["libelle"]) if hits else None
    return label if label and label.casefold() != q.strip().casefold() else None


async def transitions(engine: Engine) -> dict[str, int]:
    """Fiches métier per transition tag."""
    response = await engine.search(("fiches",), queries.transitions_body())
    return {b["key"]: int(b["doc_count"]) for b in response["aggregations"]["values"]["buckets"]}


async def letters(engine: Engine) -> dict[str, int]:
    """Fiches métier per first letter of their title, A to Z."""
    response = await engine.search(("fiches",), queries.letters_body())
    buckets = response["aggregations"]["letters"]["buckets"]
    return {letter: int(b["doc_count"]) for letter, b in buckets.items()}


async def metiers(engine: Engine, filters: list[dict[str, Any]]) -> Metiers:
    """Fiches métier under these filters, alphabetical, with their sous-secteurs."""
    response = await engine.search(("fiches",), queries.metiers_body(filters))
    hits = response["hits"]["hits"]
    return Metiers(
        int(response["hits"]["total"]["value"]),
        [(h["_id"], str(h["_source"]["libelle"])) for h in hits],
        bucket_values(response["aggregations"]["sous_secteurs"]),
    )
