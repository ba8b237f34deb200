"""The compétences, savoirs and contextes of one fiche, grouped as its page shows them."""

from collections import defaultdict
from dataclasses import dataclass, field

from indexer.rome.referential import Referential
from models.competences import Competence
from models.documents.common import CodeLabel, ItemUsage
from models.documents.fiche import (
    ContexteGroup,
    EnjeuGroup,
    MacroGroup,
    SavoirCategorieGroup,
    SousCategorieGroup,
)
from models.links import CoherenceItem
from models.vocab import CoeurMetier, CompetenceKind, SavoirCategorie


@dataclass
class _Macro:
    listee: bool = False
    coeur_metier: CoeurMetier | None = None
    savoir_faire: list[ItemUsage] = field(default_factory=list)


def _usage(link: CoherenceItem, libelle: str) -> ItemUsage:
    return ItemUsage(code_ogr=link.code_ogr, libelle=libelle, coeur_metier=link.coeur_metier)


def _macro_group(ref: Referential, macro: Competence, found: _Macro) -> MacroGroup:
    objectif = ref.lookup.path(macro.code_macro).objectif
    return MacroGroup(
        code_ogr=macro.code_ogr,
        code=macro.code_macro or "",
        libelle=macro.libelle,
        objectif=CodeLabel(code=objectif.code, libelle=objectif.libelle) if objectif else None,
        listee=found.listee,
        coeur_metier=found.coeur_metier,
        savoir_faire=tuple(found.savoir_faire),
    )


def competence_groups(
    ref: Referential, code_rome: str
) -> tuple[tuple[EnjeuGroup, ...], tuple[ItemUsage, ...]]:
    """Savoir-faire by enjeu then macro-compétence (tree order), and the savoir-être."""
    macros: defaultdict[str, _Macro] = defaultdict(_Macro)
    savoir_etre: list[ItemUsage] = []
    for link in ref.lookup.coherence_by_fiche.get(code_rome, ()):
        competence = ref.competences.get(link.code_ogr)
        if competence is None:
            continue  # a savoir or a contexte
        if competence.kind is CompetenceKind.SAVOIR_ETRE:
            savoir_etre.append(_usage(link, competence.libelle))
        elif competence.code_ogr_macro is None:  # the fiche lists the macro-compétence itself
            macros[competence.code_ogr].listee = True
            macros[competence.code_ogr].coeur_metier = link.coeur_metier
        else:
            macros[competence.code_ogr_macro].savoir_faire.append(_usage(link, competence.libelle))
    by_enjeu: defaultdict[str | None, list[MacroGroup]] = defaultdict(list)
    for code_ogr, found in macros.items():
        macro = ref.competences[code_ogr]
        enjeu = ref.lookup.path(macro.code_macro).enjeu
        by_enjeu[enjeu.code if enjeu else None].append(_macro_group(ref, macro, found))
    groups = []
    for enjeu_code in sorted(by_enjeu, key=lambda code: code or "~"):
        path = ref.lookup.path(enjeu_code)
        groups.append(
            EnjeuGroup(
                code=enjeu_code,
                libelle=path.enjeu.libelle if path.enjeu else None,
                domaine=(
                    CodeLabel(code=path.domaine.code, libelle=path.domaine.libelle)
                    if path.domaine
                    else None
                ),
                macros=tuple(sorted(by_enjeu[enjeu_code], key=lambda m: m.code)),
            )
        )
    return tuple(groups), tuple(savoir_etre)


def savoir_groups(ref: Referential, code_rome: str) -> tuple[SavoirCategorieGroup, ...]:
    """Savoirs by catégorie (export order), then sous-catégorie (alphabetical)."""
    grouped: defaultdict[SavoirCategorie, defaultdict[str, list[ItemUsage]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for link in ref.lookup.coherence_by_fiche.get(code_rome, ()):
        savoir = ref.savoirs.get(link.code_ogr)
        if savoir is not None:
            grouped[savoir.categorie][savoir.sous_categorie].append(_usage(link, savoir.libelle))
    return tuple(
        SavoirCategorieGroup(
            categorie=categorie,
            sous_categories=tuple(
                SousCategorieGroup(sous_categorie=name, savoirs=tuple(grouped[categorie][name]))
                for name in sorted(grouped[categorie])
            ),
        )
        for categorie in SavoirCategorie
        if categorie in grouped
    )


def contexte_groups(ref: Referential, code_rome: str) -> tuple[ContexteGroup, ...]:
    """Contextes de travail by type, in type-code order."""
    grouped: defaultdict[str, list[CodeLabel]] = defaultdict(list)
    types: dict[str, str] = {}
    for link in ref.lookup.coherence_by_fiche.get(code_rome, ()):
        contexte = ref.contextes.get(link.code_ogr)
        if contexte is not None:
            grouped[contexte.code_type].append(
                CodeLabel(code=contexte.code_ogr, libelle=contexte.libelle)
            )
            types[contexte.code_type] = contexte.type_contexte
    return tuple(
        ContexteGroup(code_type=code, type_contexte=types[code], contextes=tuple(grouped[code]))
        for code in sorted(grouped, key=lambda code: (len(code), code))
    )
