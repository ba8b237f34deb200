"""The fiche and the territory a "Passer à l'action" request names, read from the indices."""

from models.refs import CodeLabel, given
from models.territoires import TerritoireSummary
from search_api.common.engine import Engine
from search_api.errors import InvalidInputError, NotFoundError
from search_api.journey.actions import Metier, Place, PlaceLevel, PlaceName

FICHE_SOURCE = ["code_rome", "libelle", "parent", "appellations"]


async def metier_of(engine: Engine, code_rome: str, appellation: str | None) -> Metier:
    """The fiche's métier code, title and appellation (the one asked, else its principal);
    404 for an unknown fiche, 422 for an appellation that is not the fiche's."""
    doc = (await engine.mget("fiches", [code_rome], FICHE_SOURCE)).get(code_rome)
    if doc is None:
        raise NotFoundError(f"no fiche {code_rome} in ROME")
    titles = doc["appellations"]  # principal first
    chosen = next((a for a in titles if appellation in (None, a["code_ogr"])), None)
    if chosen is None:
        raise InvalidInputError("appellation", f"not an appellation of fiche {code_rome}")
    return Metier(doc["parent"]["code"], doc["libelle"], chosen["code_ogr"], chosen["libelle"])


def _name(level: PlaceLevel, ref: CodeLabel | None) -> PlaceName | None:
    return PlaceName(level, ref.code, ref.libelle) if ref else None


async def place_of(engine: Engine, key: str | None) -> Place | None:
    """The territory of a key such as `commune-69123` (`TERRITORY_KEY`), with its département
    and région; None without a key, 404 if there is no such territory."""
    if key is None:
        return None
    doc = await engine.get("territoires", key)
    if doc is None:
        raise NotFoundError(f"no territory {key}")
    found = TerritoireSummary.model_validate(doc)
    name = PlaceName(found.type, found.code, found.libelle)
    postcodes = given(found.codes_postaux) or []
    return Place(
        name=name,
        departement=name
        if found.type == "departement"
        else _name("departement", given(found.departement)),
        region=name if found.type == "region" else _name("region", given(found.region)),
        code_postal=postcodes[0] if postcodes else None,
    )
