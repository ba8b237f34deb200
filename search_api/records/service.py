"""Records by code, and the métiers close to a fiche with what they share and what differs."""

from dataclasses import dataclass
from typing import Any

from search_api.common.engine import Engine
from search_api.records import queries


def macro_labels(fiche: dict[str, Any]) -> dict[str, str]:
    """Macro-compétence code -> label, from a fiche's grouped compétences."""
    return {m["code_ogr"]: m["libelle"] for g in fiche.get("competences", []) for m in g["macros"]}


def proximity(source: dict[str, Any], target: dict[str, Any]) -> tuple[float, list[str], list[str]]:
    """Jaccard similarity of the two fiches' macro-compétences, shared and missing codes."""
    mine, theirs = set(source.get("macro_codes", [])), set(target.get("macro_codes", []))
    union = mine | theirs
    score = len(mine & theirs) / len(union) if union else 0.0
    return score, sorted(mine & theirs), sorted(theirs - mine)


@dataclass(frozen=True)
class MacroName:
    """A macro-compétence named in a proximity."""

    code: str
    libelle: str


@dataclass(frozen=True)
class Proche:
    """A close fiche with its proximity to the source."""

    code: str
    libelle: str
    ordre: int | None  # rank among the official mobilités, None when computed
    score: float
    shared: list[MacroName]
    missing: list[MacroName]


class RecordsService:
    """Fiches and compétences by code."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    async def fiche(self, code_rome: str) -> dict[str, Any] | None:
        """The complete fiche document, or None."""
        return await self.engine.get("fiches", code_rome)

    async def competence(self, code: str) -> dict[str, Any] | None:
        """The compétence document, or None."""
        return await self.engine.get("competences", code)

    async def parents(self) -> dict[str, str]:
        """Fiche code -> the code of its fiche métier, for every fiche."""
        response = await self.engine.search(("fiches",), queries.parents_body())
        return {h["_id"]: h["_source"]["parent"]["code"] for h in response["hits"]["hits"]}

    async def macros_of(self, codes: list[str]) -> dict[str, str]:
        """Macro-compétence code of each compétence code (savoirs and unknown codes absent)."""
        found = await self.engine.mget("competences", sorted(set(codes)), ["macro"])
        return {code: doc["macro"]["code_ogr"] for code, doc in found.items() if doc.get("macro")}

    async def proches(self, code_rome: str, size: int) -> tuple[str, list[Proche]] | None:
        """The source fiche's title and its close métiers: official mobilités, then by
        shared macros; None if there is no such fiche."""
        source = await self.fiche(code_rome)
        if source is None:
            return None
        official = {m["code"]: m["ordre"] for m in source.get("mobilites", [])}
        body = queries.shared_macros_body(code_rome, list(source.get("macro_codes", [])))
        computed = await self.engine.search(("fiches",), body)
        targets = {h["_id"]: h["_source"] for h in computed["hits"]["hits"]}
        missing_official = [c for c in official if c not in targets]
        targets |= await self.engine.mget("fiches", missing_official, queries.PROCHE_SOURCE)
        labels = macro_labels(source)
        rows = []
        for code, target in targets.items():
            score, shared, missing = proximity(source, target)
            names = labels | macro_labels(target)
            rows.append(
                Proche(
                    code,
                    str(target["libelle"]),
                    official.get(code),
                    score,
                    [MacroName(c, names[c]) for c in shared],
                    [MacroName(c, names[c]) for c in missing],
                )
            )
        rows.sort(key=lambda r: (r.ordre is None, r.ordre or 0, -r.score))
        return str(source["libelle"]), rows[: max(size, len(official))]
