"""The search box, the conseiller's appellation lookup and as-you-type suggestions."""

from typing import Annotated, Literal

from fastapi import APIRouter, Query

from search_api.common.facets import Filters
from search_api.common.fusion import Mode
from search_api.common.schemas import ERRORS, facet_values
from search_api.deps import (
    DepartementCode,
    DomainePro,
    FacetParam,
    Flag,
    GrandDomaine,
    Label,
    Number,
    Offres,
    RegionCode,
    Search,
)
from search_api.offres.queries import fiche_or_parent
from search_api.search import queries
from search_api.search.hits import ENTITY_OF_TYPE, FACETED_ENTITIES, EntityType, Hit
from search_api.search.schemas import (
    AppellationHit,
    AppellationResponse,
    AutocompleteResponse,
    ItemHit,
    ItemSearchResponse,
    SearchHit,
    SearchResponse,
    Suggestion,
)

router = APIRouter(prefix="/v1", tags=["search"], responses=ERRORS)

MAX_QUERY = 200  # characters: longer than any job title or compétence label
MAX_PAGE = 20
MAX_SIZE = 50

QueryText = Annotated[
    str,
    Query(
        min_length=1,
        max_length=MAX_QUERY,
        description="What the user typed.",
        examples=["infirmiere de nuit"],
    ),
]
ModeParam = Annotated[
    Mode, Query(description="hybrid (default), lexical or semantic.", examples=["hybrid"])
]
Size = Annotated[int, Query(ge=1, le=MAX_SIZE, description="Results per page.", examples=[10])]
TERRITORY_FACETS = ("region", "departement")  # counted on the offers of the fiches found
FacetName = Literal[
    "grand_domaine",
    "domaine_professionnel",
    "secteur",
    "centre_interet",
    "transition",
    "emploi_reglemente",
    "emploi_cadre",
    "type",
    "region",
    "departement",
    "none",
]
FacetsParam = Annotated[
    list[FacetName] | None,
    Query(
        description="Facets to count (repeat for several; `none` for none). Default: those "
        "of the search page (every facet but domaine_professionnel), plus region and "
        "departement when either is selected. Each facet counted costs engine time.",
        examples=[["grand_domaine", "secteur"]],
    ),
]


def _search_hit(hit: Hit, offres: int | None) -> SearchHit:
    appellation = hit.source if hit.entity == "appellations" else None
    return SearchHit(
        type=hit.type,
        code=hit.id,
        libelle=hit.libelle,
        score=hit.score,
        highlight=hit.highlight,
        code_rome=appellation["fiche"]["code"] if appellation else None,
        code_rome_parent=appellation["parent"]["code"] if appellation else None,
        libelle_rome=appellation["fiche"]["libelle"] if appellation else None,
        classification=hit.source.get("classification"),
        offres=offres,
    )


def counted_facets(asked: list[FacetName] | None, *, territory: bool) -> tuple[str, ...]:
    """The facets to count: those asked for, or the search page's (with the territory ones
    when a territory is selected); none for `none`."""
    if asked is None:
        return (*queries.DEFAULT_FACETS, *(TERRITORY_FACETS if territory else ()))
    return tuple(dict.fromkeys(name for name in asked if name != "none"))


@router.get("/search")
async def search(
    service: Search,
    offres: Offres,
    q: QueryText,
    types: Annotated[
        list[EntityType] | None,
        Query(description="Restrict to these types.", examples=[["appellation", "fiche"]]),
    ] = None,
    mode: ModeParam = "hybrid",
    page: Annotated[int, Query(ge=1, le=MAX_PAGE, description="Page number.", examples=[1])] = 1,
    size: Size = 10,
    grand_domaine: Annotated[list[GrandDomaine] | None, FacetParam("D")] = None,
    domaine_professionnel: Annotated[list[DomainePro] | None, FacetParam("D11")] = None,
    secteur: Annotated[list[Number] | None, FacetParam("88")] = None,
    centre_interet: Annotated[list[Number] | None, FacetParam("4")] = None,
    transition: Annotated[list[Label] | None, FacetParam("Emploi Vert")] = None,
    emploi_reglemente: Annotated[list[Flag] | None, FacetParam("false")] = None,
    emploi_cadre: Annotated[list[Flag] | None, FacetParam("false")] = None,
    region: Annotated[list[RegionCode] | None, FacetParam("84")] = None,
    departement: Annotated[list[DepartementCode] | None, FacetParam("07")] = None,
    facets: FacetsParam = None,
) -> SearchResponse:
    """Search appellations, fiches, compétences and savoirs in one box, with facets.

    `region` / `departement` keep the appellations and fiches with job offers there, each
    with its offer count; the région and département facets count the offers of the fiches
    found (the first results, up to the page asked). `facets` names the facets to count."""
    selected = {
        "grand_domaine": grand_domaine,
        "domaine_professionnel": domaine_professionnel,
        "secteur": secteur,
        "centre_interet": centre_interet,
        "transition": transition,
        "emploi_reglemente": emploi_reglemente,
        "emploi_cadre": emploi_cadre,
    }
    territory = {
        k: tuple(v) for k, v in {"region": region, "departement": departement}.items() if v
    }
    counts = await offres.counts(territory) if territory else None
    extra = (
        (fiche_or_parent(sorted(counts), "fiche.code", "code_rome"),) if counts is not None else ()
    )
    filters = Filters({k: tuple(v) for k, v in selected.items() if v}, queries.FACETS, extra=extra)
    entities = tuple(ENTITY_OF_TYPE[t] for t in (types or list(ENTITY_OF_TYPE)))
    if filters.active:  # only appellations and fiches carry facet fields
        entities = tuple(e for e in entities if e in FACETED_ENTITIES) or FACETED_ENTITIES
    counted = counted_facets(facets, territory=bool(territory))
    engine_facets = tuple(name for name in counted if name in queries.FACET_NAMES)
    ranked = await service.ranked(
        q, entities, mode, filters, page * size, with_facets=True, facets=engine_facets
    )
    found = [h.fiche_code for h in ranked.hits if h.fiche_code]
    facet_counts = dict(ranked.facets)
    if set(TERRITORY_FACETS) & set(counted):
        places = await offres.territory_facets([c for c in dict.fromkeys(found) if c], territory)
        facet_counts |= {k: v for k, v in places.items() if k in counted}
    results = []
    for hit in ranked.hits[(page - 1) * size : page * size]:
        offer_count = None
        if counts is not None and hit.fiche_code:
            offer_count = counts.get(hit.fiche_code, 0)
        results.append(_search_hit(hit, offer_count))
    return SearchResponse(
        query=q, mode=mode, total=ranked.total, results=results, facets=facet_values(facet_counts)
    )


@router.get("/appellations/search")
async def search_appellations(
    service: Search, q: QueryText, mode: ModeParam = "hybrid", size: Size = 10
) -> AppellationResponse:
    """Find the exact appellation: PRINCIPALE first at equal relevance, peu usité last."""
    ranked = await service.ranked(q, ("appellations",), mode, Filters(), size, with_facets=False)
    return AppellationResponse(
        query=q,
        mode=mode,
        results=[
            AppellationHit(
                code=h.id,
                libelle=h.libelle,
                code_rome=h.source["fiche"]["code"],
                code_rome_parent=h.source["parent"]["code"],
                libelle_rome=h.source["fiche"]["libelle"],
                classification=h.source["classification"],
                score=h.score,
                highlight=h.highlight,
            )
            for h in ranked.hits[:size]
        ],
    )


async def _items(service: Search, entity: str, q: str, mode: Mode, size: int) -> ItemSearchResponse:
    ranked = await service.ranked(q, (entity,), mode, Filters(), size, with_facets=False)
    return ItemSearchResponse(
        query=q,
        mode=mode,
        results=[
            ItemHit(code=h.id, libelle=h.libelle, score=h.score, highlight=h.highlight)
            for h in ranked.hits[:size]
        ],
    )


@router.get("/competences/search")
async def search_competences(
    service: Search, q: QueryText, mode: ModeParam = "hybrid", size: Size = 10
) -> ItemSearchResponse:
    """Find savoir-faire, macro-compétences and savoirs-être."""
    return await _items(service, "competences", q, mode, size)


@router.get("/savoirs/search")
async def search_savoirs(
    service: Search, q: QueryText, mode: ModeParam = "hybrid", size: Size = 10
) -> ItemSearchResponse:
    """Find savoirs (knowledge, techniques, certifications, tools)."""
    return await _items(service, "savoirs", q, mode, size)


@router.get("/autocomplete")
async def autocomplete(
    service: Search,
    q: Annotated[
        str,
        Query(min_length=1, max_length=100, description="Characters typed.", examples=["infi"]),
    ],
    size: Annotated[int, Query(ge=1, le=20, description="Suggestions.", examples=[8])] = 8,
) -> AutocompleteResponse:
    """As-you-type suggestions of appellations, fiches and compétences."""
    hits = await service.autocomplete(q, size)
    return AutocompleteResponse(
        query=q,
        suggestions=[
            Suggestion(
                type=h.type,
                code=h.id,
                libelle=h.libelle,
                highlight=h.highlight,
                code_rome=h.source["fiche"]["code"] if h.entity == "appellations" else None,
            )
            for h in hits
        ],
    )
