"""`/competences`: the ROME 4.0 skills tree, and `/competences/{code}` with the métiers that
use a compétence, at their core or not."""

import asyncio
from typing import Annotated

from fastapi import Path, Request
from fastapi.responses import HTMLResponse

from search_api.deps import EngineDep, Records
from search_api.errors import NotFoundError
from search_api.web import queries, reads
from search_api.web.pages import page_router
from search_api.web.templating import render
from search_api.web.territory import Place, key_of

router = page_router()

OgrCode = Annotated[str, Path(pattern=r"^\d{1,9}$")]


@router.get("/competences")
async def arbre(request: Request, engine: EngineDep, place: Place) -> HTMLResponse:
    """Domaines > enjeux > objectifs > macro-compétences, each macro leading to its savoir-faire."""
    roots = await reads.competences_tree(engine)
    context = {"place": place, "territoire": key_of(place), "roots": roots}
    return render(request, "competences.html", context)


@router.get("/competences/{code:ogr}")
async def competence(
    request: Request, records: Records, engine: EngineDep, place: Place, code: OgrCode
) -> HTMLResponse:
    """A compétence, its place in the tree and the métiers that use it."""
    doc = await records.competence(code)
    if doc is None:
        raise NotFoundError(f"aucune compétence {code} dans le ROME")
    core = [(f.code, f.libelle, f.coeur_metier) for f in doc.fiches if f.coeur_metier]
    under: list[tuple[str, str, int]] = []
    if doc.nature == queries.MACRO:  # its savoir-faire, and every fiche listing one of them
        under, users = await asyncio.gather(
            reads.under_macro(engine, code), reads.fiches_with_macro(engine, code)
        )
    else:
        users = [(f.code, f.libelle) for f in doc.fiches]
    mine = {c for c, _, _ in core}
    context = {
        "place": place,
        "territoire": key_of(place),
        "c": doc,
        "under": under,
        "core": core,
        "others": [(c, label) for c, label in users if c not in mine],
    }
    return render(request, "competence.html", context)
