"""The search box, the conseiller's appellation lookup and as-you-type suggestions."""

from typing import Annotated

from fastapi import APIRouter, Query

from search_api import queries
from search_api.deps import Service, facet
from search_api.schemas import (
    ERRORS,
    AppellationHit,
    AppellationResponse,
    AutocompleteResponse,
    EntityType,
    ItemHit,
    ItemSearchResponse,
    Mode,
    SearchHit,
    SearchResponse,
    Suggestion,
)
from search_api.service import ENTITY_OF_TYPE, FACETED_ENTITIES, TYPE_OF_ENTITY, Hit
from search_api.territory import fiche_clause, offer_counts, territory_facets

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


def _search_hit(hit: Hit) -> SearchHit:
    source = hit.source
    is_appellation = hit.entity == "appellations"
    return SearchHit(
        type=TYPE_OF_ENTITY[hit.entity],
        code=hit.id,
        libelle=str(source.get("libelle", "")),
        score=hit.score,
        highlight=hit.highlight,
        code_rome=source["fiche"]["code"] if is_appellation else None,
        code_rome_parent=source["parent"]["code"] if is_appellation else None,
        libelle_rome=source["fiche"]["libelle"] if is_appellation else None,
        classification=source.get("classification"),
    )


@router.get("/search")
async def search(
    service: Service,
    q: QueryText,
    types: Annotated[
        list[EntityType] | None,
        Query(description="Restrict to these types.", examples=[["appellation", "fiche"]]),
    ] = None,
    mode: ModeParam = "hybrid",
    page: Annotated[int, Query(ge=1, le=MAX_PAGE, description="Page number.", examples=[1])] = 1,
    size: Size = 10,
    grand_domaine: Annotated[list[str] | None, facet("D")] = None,
    domaine_professionnel: Annotated[list[str] | None, facet("D11")] = None,
    secteur: Annotated[list[str] | None, facet("88")] = None,
    centre_interet: Annotated[list[str] | None, facet("4")] = None,
    transition: Annotated[list[str] | None, facet("ecologique")] = None,
    emploi_reglemente: Annotated[list[str] | None, facet("false")] = None,
    emploi_cadre: Annotated[list[str] | None, facet("false")] = None,
    region: Annotated[list[str] | None, facet("84")] = None,
    departement: Annotated[list[str] | None, facet("07")] = None,
) -> SearchResponse:
    """Search appellations, fiches, compétences and savoirs in one box, with facets.

    `region` / `departement` keep the appellations and fiches with job offers there, each
    with its offer count; the région and département facets count the offers of the fiches
    found (the first results, up to the page asked)."""
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
    counts = await offer_counts(service, territory) if territory else None
    extra = (fiche_clause(sorted(counts)),) if counts is not None else ()
    filters = queries.Filters({k: tuple(v) for k, v in selected.items() if v}, extra=extra)
    entities = tuple(ENTITY_OF_TYPE[t] for t in (types or list(ENTITY_OF_TYPE)))
    if filters.active:  # only appellations and fiches carry facet fields
        entities = tuple(e for e in entities if e in FACETED_ENTITIES) or FACETED_ENTITIES
    hits, total, aggs = await service.ranked(
        q, entities, mode, filters, page * size, with_facets=True
    )
    found = [_fiche_code(h) for h in hits if h.entity in FACETED_ENTITIES]
    facets = service.facets(aggs, filters)
    facets |= await territory_facets(service, list(dict.fromkeys(found)), territory)
    page_hits = hits[(page - 1) * size : page * size]
    results = [_search_hit(h) for h in page_hits]
    if counts is not None:
        for hit, result in zip(page_hits, results, strict=True):
            if hit.entity in FACETED_ENTITIES:
                result.offres = counts.get(_fiche_code(hit), 0)
    return SearchResponse(query=q, mode=mode, total=total, results=results, facets=facets)


def _fiche_code(hit: Hit) -> str:
    """The fiche of an appellation, or the fiche itself."""
    return str(hit.source["fiche"]["code"]) if hit.entity == "appellations" else hit.id


@router.get("/appellations/search")
async def search_appellations(
    service: Service, q: QueryText, mode: ModeParam = "hybrid", size: Size = 10
) -> AppellationResponse:
    """Find the exact appellation: PRINCIPALE first at equal relevance, peu usité last."""
    hits, _, _ = await service.ranked(
        q, ("appellations",), mode, queries.Filters(), size, with_facets=False
    )
    return AppellationResponse(
        query=q,
        mode=mode,
        results=[
            AppellationHit(
                code=h.id,
                libelle=h.source["libelle"],
                code_rome=h.source["fiche"]["code"],
                code_rome_parent=h.source["parent"]["code"],
                libelle_rome=h.source["fiche"]["libelle"],
                classification=h.source["classification"],
                score=h.score,
                highlight=h.highlight,
            )
            for h in hits[:size]
        ],
    )


async def _items(
    service: Service, entity: str, q: str, mode: Mode, size: int
) -> ItemSearchResponse:
    hits, _, _ = await service.ranked(
        q, (entity,), mode, queries.Filters(), size, with_facets=False
    )
    return ItemSearchResponse(
        query=q,
        mode=mode,
        results=[
            ItemHit(code=h.id, libelle=h.source["libelle"], score=h.score, highlight=h.highlight)
            for h in hits[:size]
        ],
    )


@router.get("/competences/search")
async def search_competences(
    service: Service, q: QueryText, mode: ModeParam = "hybrid", size: Size = 10
) -> ItemSearchResponse:
    """Find savoir-faire, macro-compétences and savoirs-être."""
    return await _items(service, "competences", q, mode, size)


@router.get("/savoirs/search")
async def search_savoirs(
    service: Service, q: QueryText, mode: ModeParam = "hybrid", size: Size = 10
) -> ItemSearchResponse:
    """Find savoirs (knowledge, techniques, certifications, tools)."""
    return await _items(service, "savoirs", q, mode, size)


@router.get("/autocomplete")
async def autocomplete(
    service: Service,
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
                type=TYPE_OF_ENTITY[h.entity],
                code=h.id,
                libelle=str(h.source.get("libelle", "")),
                highlight=h.highlight,
                code_rome=h.source["fiche"]["code"] if h.entity == "appellations" else None,
            )
            for h in hits
        ],
    )
