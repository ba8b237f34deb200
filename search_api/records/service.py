"""Records by code, and the métiers close to a fiche with what they share and what differs."""

from dataclasses import dataclass

from models.documents import CompetenceDoc, FicheDoc, FicheMacros
from search_api.common.engine import Engine
from search_api.records import queries


def macro_labels(fiche: FicheDoc | FicheMacros) -> dict[str, str]:
    """Macro-compétence code -> label, from a fiche's grouped compétences."""
    return {m.code_ogr: m.libelle for g in fiche.competences for m in g.macros}


def proximity(
    source: FicheDoc | FicheMacros, target: FicheDoc | FicheMacros
) -> tuple[float, list[str], list[str]]:
    """Jaccard similarity of the two fiches' macro-compétences, shared and missing codes."""
    mine, theirs = set(source.macro_codes), set(target.macro_codes)
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

    async def fiche(self, code_rome: str) -> FicheDoc | None:
        """The complete fiche document, or None."""
        doc = await self.engine.get("fiches", code_rome)
        return None if doc is None else FicheDoc.model_validate(doc)

    async def competence(self, code: str) -> CompetenceDoc | None:
        """The compétence document, or None."""
        doc = await self.engine.get("competences", code)
        return None if doc is None else CompetenceDoc.model_validate(doc)

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
        return source.libelle, await self.proches_of(code_rome, source, size)

    async def proches_of(self, code_rome: str, source: FicheDoc, size: int) -> list[Proche]:
        """The close métiers of a fiche already read: official mobilités, then by shared
        macros."""
        official = {m.code: m.ordre for m in source.mobilites}
        body = queries.shared_macros_body(code_rome, list(source.macro_codes))
        computed = await self.engine.search(("fiches",), body)
        found = {h["_id"]: h["_source"] for h in computed["hits"]["hits"]}
        missing_official = [c for c in official if c not in found]
        found |= await self.engine.mget("fiches", missing_official, queries.PROCHE_SOURCE)
        targets = {code: FicheMacros.model_validate(doc) for code, doc in found.items()}
        labels = macro_labels(source)
        rows = []
        for code, target in targets.items():
            score, shared, missing = proximity(source, target)
            names = labels | macro_labels(target)
            rows.append(
                Proche(
                    code,
                    target.libelle,
                    official.get(code),
                    score,
                    [MacroName(c, names[c]) for c in shared],
                    [MacroName(c, names[c]) for c in missing],
                )
            )
        rows.sort(key=lambda r: (r.ordre is None, r.ordre or 0, -r.score))
        return rows[: max(size, len(official))]
