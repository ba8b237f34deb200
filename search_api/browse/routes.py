"""Browsing: métiers by first letter, centre d'intérêt, secteur, domaine — and those lists."""

from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query, params

from search_api.browse.schemas import BrowseResponse, EntryPoint, MetierItem
from search_api.common.schemas import ERRORS
from search_api.deps import Browse

router = APIRouter(prefix="/v1", tags=["browse"], responses=ERRORS)

EntryKind = Literal[
    "centres_interet", "secteurs", "sous_secteurs", "grands_domaines", "domaines_professionnels"
]


def code(example: str) -> params.Query:
    """An entry point value parameter."""
    return params.Query(max_length=10, pattern=r"^[A-Za-z0-9]+$", examples=[example])


@router.get("/parcourir/{kind}")
async def entry_points(
    browse: Browse,
    kind: Annotated[
        EntryKind, Path(description="Which list of entry points.", examples=["grands_domaines"])
    ],
) -> list[EntryPoint]:
    """The values of one entry point (centres d'intérêt, secteurs, domaines...) with counts."""
    values = await browse.entry_points(kind)
    return [EntryPoint(code=v.value, libelle=v.label, metiers=v.count) for v in values]


@router.get("/metiers")
async def browse_metiers(
    browse: Browse,
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
    total, metiers = await browse.metiers(lettre, {k: v for k, v in chosen.items() if v}, size)
    return BrowseResponse(
        total=total, metiers=[MetierItem(code_rome=c, libelle=label) for c, label in metiers]
    )
