"""Display structures of a fiche: compétences by enjeu and macro, savoirs by category and
sub-category, contextes by type."""

from collections import defaultdict

from indexer.referential.indexes import Indexes
from models.documents import (
    CategorieSavoirs,
    ContexteGroup,
    ContexteRef,
    EnjeuGroup,
    ItemRef,
    MacroGroup,
    SousCategorieSavoirs,
)
from models.entities import ItemLink
from models.refs import CodeLabel, MacroRef

OTHER_ENJEU = CodeLabel(code="?", libelle="Autres")
OTHER_MACRO = MacroRef(code_ogr="?", code="", libelle="Autres")


def grouped_competences(
    ix: Indexes, links: list[ItemLink]
) -> tuple[list[EnjeuGroup], list[ItemRef]]:
    """Savoir-faire grouped by enjeu then macro, and the savoir-être list."""
    comps = ix.ref.competences
    enjeux: dict[str, EnjeuGroup] = {}
    macros: dict[str, dict[str, MacroGroup]] = {}
    savoirs_etre = []
    for link in links:
        comp = comps.get(link.code_ogr)
        if comp is None:
            continue
        item = ItemRef(code_ogr=comp.code_ogr, libelle=comp.libelle, coeur_metier=link.coeur_metier)
        if comp.categorie == "Savoir-être professionnel":
            savoirs_etre.append(item)
            continue
        path = ix.tree_path(comp)
        enjeu = path.enjeu or OTHER_ENJEU
        if enjeu.code not in enjeux:
            enjeux[enjeu.code] = EnjeuGroup(enjeu=enjeu, domaine=path.domaine, macros=[])
        macro = path.macro or OTHER_MACRO
        bucket = macros.setdefault(enjeu.code, {}).setdefault(
            macro.code_ogr, MacroGroup(**macro.model_dump(), competences=[])
        )
        if comp.nature == "Macro-compétence":
            bucket.coeur_metier = link.coeur_metier  # present only when the fiche links it
        else:
            bucket.competences.append(item)
    grouped = [
        group.model_copy(update={"macros": sorted(macros[code].values(), key=lambda m: m.code)})
        for code, group in sorted(enjeux.items())
    ]
    return grouped, savoirs_etre


def grouped_savoirs(ix: Indexes, links: list[ItemLink]) -> list[CategorieSavoirs]:
    """Savoirs by category then sub-category, both alphabetical."""
    categories: dict[str, dict[str, list[ItemRef]]] = defaultdict(lambda: defaultdict(list))
    for link in links:
        savoir = ix.ref.savoirs.get(link.code_ogr)
        if savoir:
            categories[savoir.categorie][savoir.sous_categorie].append(
                ItemRef(
                    code_ogr=savoir.code_ogr,
                    libelle=savoir.libelle,
                    coeur_metier=link.coeur_metier,
                )
            )
    return [
        CategorieSavoirs(
            categorie=cat,
            sous_categories=[
                SousCategorieSavoirs(sous_categorie=sub, savoirs=items)
                for sub, items in sorted(subs.items())
            ],
        )
        for cat, subs in sorted(categories.items())
    ]


def grouped_contextes(ix: Indexes, links: list[ItemLink]) -> list[ContexteGroup]:
    """Contextes de travail by type, alphabetical."""
    types: dict[str, list[ContexteRef]] = defaultdict(list)
    for link in links:
        ctx = ix.ref.contextes.get(link.code_ogr)
        if ctx:
            types[ctx.type_libelle].append(ContexteRef(code_ogr=ctx.code_ogr, libelle=ctx.libelle))
    return [ContexteGroup(type=t, contextes=items) for t, items in sorted(types.items())]
