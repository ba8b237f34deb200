"""Browsing: métiers by first letter, centre d'intérêt, secteur, domaine — and those lists."""

from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query, params

from search_api import queries
from search_api.deps import Service
from search_api.schemas import ERRORS, BrowseResponse, EntryPoint, MetierItem
from search_api.service import guarded

router = APIRouter(prefix="/v1", tags=["browse"], responses=ERRORS)

EntryKind = Literal[
    "centres_interet", "secteurs", "sous_secteurs", "grands_domaines", "domaines_professionnels"
]


def code(example: str) -> params.Query:
    """An entry point value parameter."""
    return params.Query(max_length=10, pattern=r"^[A-Za-z0-9]+$", examples=[example])


@router.get("/parcourir/{kind}")
async def entry_points(
    service: Service,
    kind: Annotated[
        EntryKind, Path(description="Which list of entry points.", examples=["grands_domaines"])
    ],
) -> list[EntryPoint]:
    """The values of one entry point (centres d'intérêt, secteurs, domaines...) with counts."""
    response = await guarded(
        service.es.search(
            index=service.alias("fiches"),
            size=0,
            query={"term": {"fiche_type": "metier"}},
            aggs=queries.entry_points_aggs(kind),
        )
    )
    return [
        EntryPoint(
            code=str(b["key"]),
            libelle=str(b["label"]["buckets"][0]["key"])
            if b["label"]["buckets"]
            else str(b["key"]),
            metiers=int(b["doc_count"]),
        )
        for b in response["aggregations"]["values"]["buckets"]
    ]


@router.get("/metiers")
async def browse_metiers(
    service: Service,
    lettre: Annotated[
        str | None,
        Query(pattern=r"^[A-Za-z]$", description="First letter of the title.", examples=["B"]),
    ] = None,
    centre_interet: Annotated[str | None, code("4")] = None,
    secteur: Annotated[str | None, code("88")] = None,
    sous_secteur: Annotated[str | None, code("124")] = None,
    grand_domaine: Annotated[str | None, code("D")] = None,
    domaine_professionnel: Annotated[str | None, code("D11")] = None,
    size: Annotated[int, Query(ge=1, le=600, description="Fiches returned.", examples=[100])] = 100,
) -> BrowseResponse:
    """Fiches métier, alphabetical, by first letter and/or one entry point."""
    chosen = {
        "centres_interet": centre_interet,
        "secteurs": secteur,
        "sous_secteurs": sous_secteur,
        "grands_domaines": grand_domaine,
        "domaines_professionnels": domaine_professionnel,
    }
    response = await guarded(
        service.es.search(
            index=service.alias("fiches"),
            query=queries.browse_query(lettre, {k: v for k, v in chosen.items() if v}),
            sort=[{"libelle.exact": "asc"}],
            size=size,
            source_includes=["code_rome", "libelle"],
            track_total_hits=True,
        )
    )
    hits = response["hits"]["hits"]
    return BrowseResponse(
        total=int(response["hits"]["total"]["value"]),
        metiers=[MetierItem(code_rome=h["_id"], libelle=h["_source"]["libelle"]) for h in hits],
    )
