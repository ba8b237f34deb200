"""Turn the Referential into the documents of each index (`models.documents`, stable ids).

Display structures (compétences grouped by enjeu and macro, savoirs by category, contextes by
type) are stored whole for the fiche page; flat code and label lists beside them are what
queries filter and match on.
"""

from collections.abc import Iterator

from indexer.referential.groups import grouped_competences, grouped_contextes, grouped_savoirs
from indexer.referential.indexes import Indexes, fiche_ref, riasec
from models.documents import (
    AppellationDoc,
    CompetenceDoc,
    ContexteDoc,
    FicheAppellation,
    FicheDoc,
    MobiliteRef,
    SavoirDoc,
)
from models.refs import CodeLabel, FicheUse

__all__ = [
    "Indexes",
    "appellation_docs",
    "competence_docs",
    "contexte_docs",
    "fiche_docs",
    "savoir_docs",
    "split_forms",
]


def split_forms(label: str) -> list[str]:
    """Masculine and feminine titles of a 'Masc / Fém complement' label.

    'Abatteur / Abatteuse de carrière' -> ['Abatteur de carrière', 'Abatteuse de carrière']: the
    complement written once after the feminine belongs to both. Other labels are their own form.
    """
    parts = [part.strip() for part in label.split(" / ")]
    if len(parts) != 2 or not all(parts):
        return [label]
    masculine, feminine = parts
    words = feminine.split()
    complement = words[len(masculine.split()) :]
    return [" ".join([masculine, *complement]), feminine]


def appellation_docs(ix: Indexes) -> Iterator[AppellationDoc]:
    """One document per appellation."""
    ref = ix.ref
    for app in ref.appellations.values():
        fiche = ref.fiches[app.code_rome]
        grand_domaine, domaine = ix.domaines(fiche.code_rome_parent)
        yield AppellationDoc(
            code_ogr=app.code_ogr,
            libelle=app.libelle,
            libelle_court=app.libelle_court,
            formes=split_forms(app.libelle),
            classification=app.classification,
            peu_usite=app.peu_usite,
            emploi_reglemente=app.emploi_reglemente,
            emploi_cadre=app.emploi_cadre,
            transitions=app.transitions.tags(),
            fiche=fiche_ref(ref, fiche.code_rome),
            fiche_type="metier" if fiche.is_metier else "emploi",
            parent=fiche_ref(ref, fiche.code_rome_parent),
            grand_domaine=grand_domaine,
            domaine_professionnel=domaine,
            secteurs=ix.classification(fiche.code_rome, "secteurs"),
            sous_secteurs=ix.classification(fiche.code_rome, "sous_secteurs"),
            centres_interet=ix.classification(fiche.code_rome, "centres_interet"),
            themes=ix.classification(fiche.code_rome, "themes"),
        )


def _appellations(ix: Indexes, code_rome: str) -> list[FicheAppellation]:
    """The job titles of a fiche, PRINCIPALE first, then alphabetical."""
    ref = ix.ref
    apps = sorted(
        (ref.appellations[c] for c in ix.appellations_by_fiche.get(code_rome, [])),
        key=lambda a: (a.classification != "PRINCIPALE", a.libelle),
    )
    return [
        FicheAppellation(
            code_ogr=a.code_ogr,
            libelle=a.libelle,
            classification=a.classification,
            peu_usite=a.peu_usite,
        )
        for a in apps
    ]


def _mobilites(ix: Indexes, code_rome: str) -> list[MobiliteRef]:
    ordered = sorted(ix.mobilites.get(code_rome, []), key=lambda m: m.ordre)
    return [
        MobiliteRef(**fiche_ref(ix.ref, m.code_rome_cible).model_dump(), ordre=m.ordre)
        for m in ordered
    ]


def fiche_docs(ix: Indexes) -> Iterator[FicheDoc]:
    """One document per fiche (métier and emploi)."""
    ref = ix.ref
    for fiche in ref.fiches.values():
        code = fiche.code_rome
        links = ix.links_by_fiche.get(code, [])
        competences, savoirs_etre = grouped_competences(ix, links)
        grand_domaine, domaine = ix.domaines(fiche.code_rome_parent)
        comps = [lk for lk in links if lk.code_ogr in ref.competences]
        yield FicheDoc(
            code_rome=code,
            libelle=fiche.libelle,
            fiche_type="metier" if fiche.is_metier else "emploi",
            parent=fiche_ref(ref, fiche.code_rome_parent),
            enfants=[fiche_ref(ref, c) for c in sorted(ix.children.get(code, []))],
            appellations=_appellations(ix, code),
            definition="\n".join(ix.textes.get((code, "definition"), [])),
            acces="\n".join(ix.textes.get((code, "acces_metier"), [])),
            competences=competences,
            savoirs_etre=savoirs_etre,
            savoirs=grouped_savoirs(ix, links),
            contextes=grouped_contextes(ix, links),
            macro_codes=sorted(
                {m.code_ogr for g in competences for m in g.macros if m.code_ogr != "?"}
            ),
            competence_codes=sorted(lk.code_ogr for lk in comps),
            coeur_codes=sorted(lk.code_ogr for lk in comps if lk.coeur_metier),
            savoir_codes=sorted(lk.code_ogr for lk in links if lk.code_ogr in ref.savoirs),
            contexte_codes=sorted(lk.code_ogr for lk in links if lk.code_ogr in ref.contextes),
            secteurs=ix.classification(code, "secteurs"),
            sous_secteurs=ix.classification(code, "sous_secteurs"),
            secteurs_naf=ix.classification(code, "secteurs_naf"),
            centres_interet=ix.classification(code, "centres_interet"),
            themes=ix.classification(code, "themes"),
            grand_domaine=grand_domaine,
            domaine_professionnel=domaine,
            riasec=riasec(ref.riasec.get(code)),
            mobilites=_mobilites(ix, code),
            transitions=fiche.transitions.tags(),
            emploi_reglemente=fiche.emploi_reglemente,
            emploi_cadre=fiche.emploi_cadre,
        )


def _fiches_using(ix: Indexes, code_ogr: str) -> list[FicheUse]:
    ref = ix.ref
    return [
        FicheUse(**fiche_ref(ref, link.code_rome).model_dump(), coeur_metier=link.coeur_metier)
        for link in sorted(ix.links_by_item.get(code_ogr, []), key=lambda lk: lk.code_rome)
        if link.code_rome in ref.fiches
    ]


def competence_docs(ix: Indexes) -> Iterator[CompetenceDoc]:
    """One document per savoir-faire, macro-compétence and savoir-être."""
    for comp in ix.ref.competences.values():
        fiches = _fiches_using(ix, comp.code_ogr)
        path = ix.tree_path(comp)
        yield CompetenceDoc(
            code_ogr=comp.code_ogr,
            libelle=comp.libelle,
            nature=comp.nature,
            categorie=comp.categorie,
            sous_categorie=comp.sous_categorie,
            definition=comp.definition,
            domaine=path.domaine,
            enjeu=path.enjeu,
            objectif=path.objectif,
            macro=path.macro,
            riasec=riasec(ix.ref.macro_riasec.get(comp.code_ogr)),
            transitions=comp.transitions.tags(),
            fiches=fiches,
            fiche_count=len(fiches),
        )


def savoir_docs(ix: Indexes) -> Iterator[SavoirDoc]:
    """One document per savoir."""
    for savoir in ix.ref.savoirs.values():
        fiches = _fiches_using(ix, savoir.code_ogr)
        yield SavoirDoc(
            code_ogr=savoir.code_ogr,
            libelle=savoir.libelle,
            categorie=savoir.categorie,
            sous_categorie=savoir.sous_categorie,
            transitions=savoir.transitions.tags(),
            fiches=fiches,
            fiche_count=len(fiches),
        )


def contexte_docs(ix: Indexes) -> Iterator[ContexteDoc]:
    """One document per contexte de travail."""
    for ctx in ix.ref.contextes.values():
        fiches = _fiches_using(ix, ctx.code_ogr)
        yield ContexteDoc(
            code_ogr=ctx.code_ogr,
            libelle=ctx.libelle,
            type=CodeLabel(code=ctx.type_code, libelle=ctx.type_libelle),
            fiches=fiches,
            fiche_count=len(fiches),
        )
