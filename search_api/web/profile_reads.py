"""What the journey pages read through the engine: the skills of a profile's codes, a fiche's
core compétences, compétences matching a search, fiche titles."""

import asyncio
from typing import Any

from search_api.common.engine import Engine
from search_api.common.facets import Filters
from search_api.search.hits import Hit
from search_api.search.service import SearchService
from search_api.web.skills import Skill, skill_of

SKILL_SOURCE = ["libelle", "nature", "categorie", "macro"]
ITEMS = ("competences", "savoirs")  # what a profile holds
FOUND = 10  # compétences offered for a search


async def skills_of(engine: Engine, codes: list[str]) -> list[Skill]:
    """The skills of these codes, in their order (compétences and savoirs; unknown codes
    left out), in one round trip per index, concurrently."""
    competences, savoirs = await asyncio.gather(
        engine.mget("competences", codes, SKILL_SOURCE),
        engine.mget("savoirs", codes, ["libelle"]),
    )
    out = []
    for code in codes:
        if code in competences:
            out.append(skill_of("competences", code, competences[code]))
        elif code in savoirs:
            out.append(skill_of("savoirs", code, savoirs[code]))
    return out


async def core_codes(engine: Engine, code_rome: str) -> list[str] | None:
    """The compétences and savoirs at the core of a fiche (coeur de métier), None for an
    unknown fiche."""
    found = await engine.mget("fiches", [code_rome], ["coeur_codes"])
    doc = found.get(code_rome)
    return None if doc is None else [str(c) for c in doc.get("coeur_codes", [])]


async def titles_of(engine: Engine, codes: list[str]) -> dict[str, str]:
    """Fiche titles by ROME code (unknown codes absent)."""
    found = await engine.mget("fiches", codes, ["libelle"])
    return {code: str(doc["libelle"]) for code, doc in found.items()}


async def search_skills(search: SearchService, q: str) -> list[Hit]:
    """Compétences and savoirs matching what was typed, best first."""
    ranked = await search.ranked(q, ITEMS, "hybrid", Filters(), FOUND, with_facets=False)
    return ranked.hits[:FOUND]


def with_offers_clause(codes: list[str]) -> dict[str, Any]:
    """Fiches among these codes: the codes `OffresService.counts` gives for a territory (a
    fiche métier there counts its fiches emploi's offers), so the fiches hiring there."""
    return {"terms": {"code_rome": codes}}
