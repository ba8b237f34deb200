"""The results page's view of a search: hits grouped by type, facets in French, pages."""

from dataclasses import dataclass, replace
from math import ceil

from search_api.common.facets import FacetCount
from search_api.search.hits import Hit

# Result groups in the order the page shows them, with their heading.
GROUPS = (
    ("fiche", "Métiers"),
    ("appellation", "Appellations"),
    ("competence", "Compétences"),
    ("savoir", "Savoirs"),
)
# Facets the page offers, in order, with their legend.
FACET_LEGENDS = {
    "grand_domaine": "Grand domaine",
    "secteur": "Secteur d’activité",
    "centre_interet": "Centre d’intérêt",
    "transition": "Transition",
    "emploi_reglemente": "Emploi réglementé",
    "emploi_cadre": "Emploi cadre",
    "region": "Région (offres)",
    "departement": "Département (offres)",
}
FLAGS = {"true": "Oui", "false": "Non"}
TYPE_LABELS = dict(GROUPS)


@dataclass(frozen=True)
class Group:
    """The hits of one type on the page."""

    type: str
    heading: str
    hits: list[Hit]


@dataclass(frozen=True)
class Facet:
    """One facet of the page: its parameter name, legend and values."""

    name: str
    legend: str
    values: list[FacetCount]


def grouped(hits: list[Hit]) -> list[Group]:
    """The page's hits by type, métiers first; empty groups left out."""
    groups = [Group(kind, heading, [h for h in hits if h.type == kind]) for kind, heading in GROUPS]
    return [g for g in groups if g.hits]


def french_facets(facets: dict[str, list[FacetCount]]) -> list[Facet]:
    """The facets the page offers, in order, flags as Oui/Non; facets with no value left out."""
    out = []
    for name, legend in FACET_LEGENDS.items():
        values = facets.get(name, [])
        if name in {"emploi_reglemente", "emploi_cadre"}:
            values = [replace(v, label=FLAGS.get(v.value, v.label)) for v in values]
        if values:
            out.append(Facet(name, legend, values))
    return out


def page_count(total: int, size: int, max_pages: int) -> int:
    """Pages to offer for `total` results of `size` each, at most `max_pages`."""
    return max(1, min(ceil(total / size), max_pages))


def page_window(page: int, pages: int, around: int = 2) -> list[int]:
    """Page numbers to link: the first, the last and `around` on each side of the current."""
    near = range(max(1, page - around), min(pages, page + around) + 1)
    return sorted({1, pages, *near})


def nearest_metiers(hits: list[Hit], size: int) -> list[tuple[str, str]]:
    """(code, title) of the fiches the hits point at, each once, best first."""
    seen: dict[str, str] = {}
    for hit in hits:
        code = hit.fiche_code
        if code and code not in seen:
            seen[code] = (
                hit.source["fiche"]["libelle"] if hit.type == "appellation" else hit.libelle
            )
    return list(seen.items())[:size]
