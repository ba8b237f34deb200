"""`/recherche`: the search box's results grouped by type, with multi-select facets."""

import asyncio
from typing import Annotated

from fastapi import Query, Request
from fastapi.responses import HTMLResponse

from search_api.common.facets import FacetCount, Filters
from search_api.deps import (
    DepartementCode,
    EngineDep,
    Flag,
    GrandDomaine,
    Label,
    Number,
    Offres,
    RegionCode,
    Search,
)
from search_api.journey.metrics import count_zero_result
from search_api.offres.queries import fiche_or_parent
from search_api.offres.service import OffresService
from search_api.search import queries
from search_api.search.hits import ENTITY_OF_TYPE, FACETED_ENTITIES, EntityType
from search_api.search.service import MAX_WINDOW, Ranked, SearchService
from search_api.web import reads, results
from search_api.web.pages import page_router
from search_api.web.templating import render
from search_api.web.territory import Place, key_of

router = page_router()

PAGE_SIZE = 20
MAX_PAGES = MAX_WINDOW // PAGE_SIZE  # the search fuses at most MAX_WINDOW ranks
NEAREST = 6  # métiers offered when nothing matches the words
Many = Query()  # a multi-select facet: the parameter repeated, values OR-ed


def _tuples(chosen: dict[str, list[str] | None]) -> dict[str, tuple[str, ...]]:
    return {k: tuple(v) for k, v in chosen.items() if v}


def _types(facets: dict[str, list[FacetCount]], chosen: list[EntityType]) -> list[FacetCount]:
    """The type links: every type, with its count when the search counted it."""
    counted = {c.value: c.count for c in facets.get(queries.TYPE_FACET, [])}
    return [
        FacetCount(kind, heading, counted.get(kind, -1), kind in chosen)
        for kind, heading in results.GROUPS
    ]


async def _searched(
    *,
    search: SearchService,
    offres: OffresService,
    q: str,
    types: list[EntityType],
    selected: dict[str, tuple[str, ...]],
    where: dict[str, tuple[str, ...]],
    scope: dict[str, tuple[str, ...]],
    window: int,
) -> tuple[Ranked, dict[str, int] | None, dict[str, list[FacetCount]]]:
    """The ranked hits, the offers per fiche in the scope and every facet, in as few
    sequential round trips as the filters allow."""
    counts = await offres.counts(where) if where else None  # the filter is built from them
    extra = (fiche_or_parent(sorted(counts or {}), "fiche.code", "code_rome"),) if where else ()
    filters = Filters(selected, queries.FACETS, extra=extra)
    entities = tuple(ENTITY_OF_TYPE[t] for t in (types or list(ENTITY_OF_TYPE)))
    if filters.active:  # only appellations and fiches carry facet fields
        entities = tuple(e for e in entities if e in FACETED_ENTITIES) or FACETED_ENTITIES
    ranking = search.ranked(q, entities, "hybrid", filters, window, with_facets=True)
    if scope and not where:
        ranked, counts = await asyncio.gather(ranking, offres.counts(scope))
    else:
        ranked = await ranking
    facets = dict(ranked.facets)
    if scope:
        found = dict.fromkeys(h.fiche_code for h in ranked.hits if h.fiche_code)
        facets |= await offres.territory_facets([c for c in found if c], where)
    return ranked, counts, facets


@router.get("/recherche")
async def recherche(
    *,
    request: Request,
    search: Search,
    offres: Offres,
    engine: EngineDep,
    place: Place,
    q: Annotated[str, Query(max_length=200)] = "",
    page: Annotated[int, Query(ge=1, le=MAX_PAGES)] = 1,
    type: Annotated[list[EntityType] | None, Many] = None,
    grand_domaine: Annotated[list[GrandDomaine] | None, Many] = None,
    secteur: Annotated[list[Number] | None, Many] = None,
    centre_interet: Annotated[list[Number] | None, Many] = None,
    transition: Annotated[list[Label] | None, Many] = None,
    emploi_reglemente: Annotated[list[Flag] | None, Many] = None,
    emploi_cadre: Annotated[list[Flag] | None, Many] = None,
    region: Annotated[list[RegionCode] | None, Many] = None,
    departement: Annotated[list[DepartementCode] | None, Many] = None,
) -> HTMLResponse:
    """Results of the search box; an empty query shows the box alone."""
    context: dict[str, object] = {"q": q.strip(), "place": place, "territoire": key_of(place)}
    if not q.strip():
        return render(request, "search.html", context)
    selected = _tuples(
        {
            "grand_domaine": grand_domaine,
            "secteur": secteur,
            "centre_interet": centre_interet,
            "transition": transition,
            "emploi_reglemente": emploi_reglemente,
            "emploi_cadre": emploi_cadre,
        }
    )
    # Région / département facets filter on offers there; the chosen territory only counts.
    where = _tuples({"region": region, "departement": departement})
    scope = where or ({place.type: (place.code,)} if place else {})
    window = page * PAGE_SIZE
    ranked, counts, facets = await _searched(
        search=search,
        offres=offres,
        q=q,
        types=type or [],
        selected=selected,
        where=where,
        scope=scope,
        window=window,
    )
    if ranked.total == 0:
        if not selected and not where:  # counted (not stored per person) to grow the synonyms
            count_zero_result(request, q)
        context["suggestion"] = await reads.did_you_mean(engine, q)
        context["nearest"] = results.nearest_metiers(ranked.hits, NEAREST)
    pages = results.page_count(ranked.total, PAGE_SIZE, MAX_PAGES)
    return render(
        request,
        "search.html",
        context
        | {
            "total": ranked.total,
            "groups": results.grouped(ranked.hits[window - PAGE_SIZE : window]),
            "facets": results.french_facets(facets),
            "types": _types(facets, type or []),
            "counts": counts,
            "page": page,
            "pages": results.page_window(page, pages),
            "last_page": pages,
            "params": {"q": q, "type": type, **{k: list(v) for k, v in (selected | where).items()}},
        },
    )
