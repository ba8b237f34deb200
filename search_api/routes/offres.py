"""Job offers: lexical and semantic search on the title, territory and fiche facets."""

import asyncio
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query

from search_api import queries
from search_api.deps import Service, facet
from search_api.schemas import ERRORS, FacetValue, Mode, OffreHit, OffresResponse
from search_api.service import guarded

router = APIRouter(prefix="/v1/offres", tags=["offres"], responses=ERRORS)

ENTITY = "offres"
SOURCE = [
    "id",
    "intitule",
    "date_creation",
    "type_contrat",
    "commune",
    "departement",
    "region",
    "fiche",
    "parent",
    "appellation",
    "salaire",
]
MAX_PAGE, MAX_SIZE = 20, 50
Published = Literal["1", "3", "7", "14", "31"]  # days, as France Travail offers them


@router.get("/search")
async def search_offres(
    service: Service,
    q: Annotated[
        str,
        Query(
            max_length=200,
            description="Words of the title; empty lists newest first.",
            examples=["vendeur"],
        ),
    ] = "",
    mode: Annotated[
        Mode, Query(description="hybrid, lexical or semantic.", examples=["hybrid"])
    ] = "hybrid",
    page: Annotated[int, Query(ge=1, le=MAX_PAGE, description="Page.", examples=[1])] = 1,
    size: Annotated[int, Query(ge=1, le=MAX_SIZE, description="Per page.", examples=[10])] = 10,
    region: Annotated[list[str] | None, facet("84")] = None,
    departement: Annotated[list[str] | None, facet("07")] = None,
    commune: Annotated[list[str] | None, facet("07010")] = None,
    code_rome: Annotated[list[str] | None, facet("D1214")] = None,
    type_contrat: Annotated[list[str] | None, facet("CDI")] = None,
    secteur: Annotated[list[str] | None, facet("47")] = None,
    publiee_depuis: Annotated[
        Published | None, Query(description="Published in the last N days.", examples=["31"])
    ] = None,
) -> OffresResponse:
    """Offers by title (lexical, semantic or both fused), filtered and faceted by territory,
    fiche métier, contract, secteur and publication date."""
    chosen = {
        "region": region,
        "departement": departement,
        "commune": commune,
        "code_rome": code_rome,
        "type_contrat": type_contrat,
        "secteur": secteur,
    }
    filters = queries.Filters(
        {k: tuple(v) for k, v in chosen.items() if v},
        queries.OFFER_FACETS,
        (queries.published_within(int(publiee_depuis)),) if publiee_depuis else (),
    )
    text = queries.clean_query(q) if q.strip() else ""
    window = page * size
    lexical, facet_body = queries.offer_search_bodies(
        text, filters, 0 if mode == "semantic" and text else window
    )
    index = service.alias(ENTITY)
    response, counted = await asyncio.gather(
        guarded(service.es.search(index=index, source_includes=SOURCE, **lexical)),
        guarded(service.es.search(index=index, **facet_body)),
    )
    hits = [_hit(h) for h in response["hits"]["hits"]]
    total = int(response["hits"]["total"]["value"])
    if text and mode != "lexical":
        vector = await service.encoder.encode(text)
        knn = await guarded(
            service.es.search(
                index=index,
                knn=queries.knn_clause(vector, window, filters),
                size=window,
                source_includes=SOURCE,
            )
        )
        semantic = [_hit(h) for h in knn["hits"]["hits"]]
        hits = semantic if mode == "semantic" else _fuse(hits, semantic, service.rrf_k)
    raw = dict(counted["aggregations"])
    published = raw.pop("publiee_depuis")
    facets = service.facets(raw, filters)
    facets["publiee_depuis"] = [
        FacetValue(
            value=b["key"],
            label=b["key"],
            count=b["doc_count"],
            selected=publiee_depuis == b["key"],
        )
        for b in published["values"]["buckets"]
    ]
    return OffresResponse(
        query=q, mode=mode, total=total, results=hits[(page - 1) * size : window], facets=facets
    )


def _hit(hit: dict[str, Any]) -> OffreHit:
    fragments = hit.get("highlight", {}).get("intitule") or [None]
    return OffreHit.model_validate(
        {**hit["_source"], "score": float(hit["_score"] or 0.0), "highlight": fragments[0]}
    )


def _fuse(lexical: list[OffreHit], semantic: list[OffreHit], k: int) -> list[OffreHit]:
    by_id = {h.id: h for h in semantic} | {h.id: h for h in lexical}  # lexical keeps highlight
    fused = queries.rrf([[h.id for h in lexical], [h.id for h in semantic]], k)
    return [by_id[i].model_copy(update={"score": score}) for i, score in fused.items()]
