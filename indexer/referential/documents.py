"""Turn the Referential into the documents of each index (plain JSON-ready dicts, stable ids).

Display structures (compétences grouped by enjeu and macro, savoirs by category, contextes by
type) are stored whole for the fiche page; flat code and label lists beside them are what
queries filter and match on.
"""

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from indexer.referential.load import Referential
from models.entities import Competence, FicheLink, ItemLink, Mobilite, Node

Doc = dict[str, Any]


def code_label(node: Node | None) -> Doc | None:
    """{code, libelle} of a node, or None."""
    return {"code": node.code, "libelle": node.libelle} if node else None


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


class Indexes:
    """Lookups built once from the Referential and shared by every builder."""

    def __init__(self, ref: Referential) -> None:
        self.ref = ref
        self.links_by_fiche: dict[str, list[ItemLink]] = defaultdict(list)
        self.links_by_item: dict[str, list[ItemLink]] = defaultdict(list)
        for link in ref.item_links:
            self.links_by_fiche[link.code_rome].append(link)
            self.links_by_item[link.code_ogr].append(link)
        self.children: dict[str, list[str]] = defaultdict(list)
        for fiche in ref.fiches.values():
            if not fiche.is_metier:
                self.children[fiche.code_rome_parent].append(fiche.code_rome)
        self.appellations_by_fiche: dict[str, list[str]] = defaultdict(list)
        for app in ref.appellations.values():
            self.appellations_by_fiche[app.code_rome].append(app.code_ogr)
        self.classes: dict[str, dict[str, list[FicheLink]]] = {}
        for name, links in (
            ("secteurs", ref.secteur_links),
            ("sous_secteurs", ref.sous_secteur_links),
            ("centres_interet", ref.centre_interet_links),
            ("themes", ref.theme_links),
            ("secteurs_naf", ref.naf_links),
        ):
            grouped: dict[str, list[FicheLink]] = defaultdict(list)
            for fiche_link in links:
                grouped[fiche_link.code_rome].append(fiche_link)
            self.classes[name] = grouped
        self.nodes = {
            "secteurs": ref.secteurs,
            "sous_secteurs": ref.sous_secteurs,
            "centres_interet": ref.centres_interet,
            "themes": ref.themes,
            "secteurs_naf": ref.secteurs_naf,
        }
        self.mobilites: dict[str, list[Mobilite]] = defaultdict(list)
        for mobilite in ref.mobilites:
            self.mobilites[mobilite.code_rome].append(mobilite)
        self.textes: dict[tuple[str, str], list[str]] = defaultdict(list)
        for texte in sorted(ref.textes, key=lambda t: (t.code_rome, t.kind, t.position)):
            self.textes[(texte.code_rome, texte.kind)].append(texte.texte)

    def classification(self, code_rome: str, name: str) -> list[Doc]:
        """Nodes of one classification for a fiche (a fiche emploi falls back to its métier)."""
        links = self.classes[name].get(code_rome)
        if not links:
            parent = self.ref.fiches[code_rome].code_rome_parent
            links = self.classes[name].get(parent, [])
        nodes = self.nodes[name]
        out = []
        for link in sorted(links, key=lambda lk: (not lk.principal, lk.code)):
            node = nodes.get(link.code)
            if node:
                out.append(
                    {"code": node.code, "libelle": node.libelle, "principal": link.principal}
                )
        return out

    def domaines(self, code_rome: str) -> tuple[Doc | None, Doc | None]:
        """Grand domaine and domaine professionnel of a fiche."""
        dp = self.ref.domaines_pro.get(self.ref.fiche_domaine.get(code_rome, ""))
        gd = self.ref.grands_domaines.get(dp.parent or "") if dp else None
        return code_label(gd), code_label(dp)

    def tree_path(self, comp: Competence) -> dict[str, Doc | None]:
        """Domaine > enjeu > objectif > macro of a compétence (a macro is its own macro)."""
        comps = self.ref.competences
        macro = comp if comp.nature == "Macro-compétence" else comps.get(comp.code_ogr_macro or "")
        code = macro.code_macro if macro and macro.code_macro else ""
        tree = self.ref.competence_tree
        return {
            "domaine": code_label(tree.get(code[:1])),
            "enjeu": code_label(tree.get(code[:2])),
            "objectif": code_label(tree.get(code[:3])),
            "macro": {"code_ogr": macro.code_ogr, "code": code, "libelle": macro.libelle}
            if macro
            else None,
        }


def fiche_ref(ref: Referential, code_rome: str) -> Doc:
    """{code, libelle} of a fiche."""
    return {"code": code_rome, "libelle": ref.fiches[code_rome].libelle}


def appellation_docs(ix: Indexes) -> Iterator[Doc]:
    """One document per appellation."""
    ref = ix.ref
    for app in ref.appellations.values():
        fiche = ref.fiches[app.code_rome]
        grand_domaine, domaine = ix.domaines(fiche.code_rome_parent)
        yield {
            "code_ogr": app.code_ogr,
            "libelle": app.libelle,
            "libelle_court": app.libelle_court,
            "formes": split_forms(app.libelle),
            "classification": app.classification,
            "peu_usite": app.peu_usite,
            "emploi_reglemente": app.emploi_reglemente,
            "emploi_cadre": app.emploi_cadre,
            "transitions": app.transitions.tags(),
            "fiche": fiche_ref(ref, fiche.code_rome),
            "fiche_type": "metier" if fiche.is_metier else "emploi",
            "parent": fiche_ref(ref, fiche.code_rome_parent),
            "grand_domaine": grand_domaine,
            "domaine_professionnel": domaine,
            "secteurs": ix.classification(fiche.code_rome, "secteurs"),
            "sous_secteurs": ix.classification(fiche.code_rome, "sous_secteurs"),
            "centres_interet": ix.classification(fiche.code_rome, "centres_interet"),
            "themes": ix.classification(fiche.code_rome, "themes"),
        }


def _grouped_competences(ix: Indexes, links: list[ItemLink]) -> tuple[list[Doc], list[Doc]]:
    """Savoir-faire grouped by enjeu then macro, and the savoir-être list."""
    comps = ix.ref.competences
    enjeux: dict[str, Doc] = {}
    savoirs_etre = []
    for link in links:
        comp = comps.get(link.code_ogr)
        if comp is None:
            continue
        item = {
            "code_ogr": comp.code_ogr,
            "libelle": comp.libelle,
            "coeur_metier": link.coeur_metier,
        }
        if comp.categorie == "Savoir-être professionnel":
            savoirs_etre.append(item)
            continue
        path = ix.tree_path(comp)
        enjeu = path["enjeu"] or {"code": "?", "libelle": "Autres"}
        group = enjeux.setdefault(
            enjeu["code"], {"enjeu": enjeu, "domaine": path["domaine"], "macros": {}}
        )
        macro = path["macro"] or {"code_ogr": "?", "code": "", "libelle": "Autres"}
        bucket = group["macros"].setdefault(macro["code_ogr"], {**macro, "competences": []})
        if comp.nature == "Macro-compétence":
            bucket["coeur_metier"] = link.coeur_metier
        else:
            bucket["competences"].append(item)
    grouped = [
        {**g, "macros": sorted(g["macros"].values(), key=lambda m: m["code"])}
        for _, g in sorted(enjeux.items())
    ]
    return grouped, savoirs_etre


def _grouped_savoirs(ix: Indexes, links: list[ItemLink]) -> list[Doc]:
    categories: dict[str, dict[str, list[Doc]]] = defaultdict(lambda: defaultdict(list))
    for link in links:
        savoir = ix.ref.savoirs.get(link.code_ogr)
        if savoir:
            categories[savoir.categorie][savoir.sous_categorie].append(
                {
                    "code_ogr": savoir.code_ogr,
                    "libelle": savoir.libelle,
                    "coeur_metier": link.coeur_metier,
                }
            )
    return [
        {
            "categorie": cat,
            "sous_categories": [
                {"sous_categorie": sub, "savoirs": items} for sub, items in sorted(subs.items())
            ],
        }
        for cat, subs in sorted(categories.items())
    ]


def _grouped_contextes(ix: Indexes, links: list[ItemLink]) -> list[Doc]:
    types: dict[str, list[Doc]] = defaultdict(list)
    for link in links:
        ctx = ix.ref.contextes.get(link.code_ogr)
        if ctx:
            types[ctx.type_libelle].append({"code_ogr": ctx.code_ogr, "libelle": ctx.libelle})
    return [{"type": t, "contextes": items} for t, items in sorted(types.items())]


def fiche_docs(ix: Indexes) -> Iterator[Doc]:
    """One document per fiche (métier and emploi)."""
    ref = ix.ref
    for fiche in ref.fiches.values():
        code = fiche.code_rome
        links = ix.links_by_fiche.get(code, [])
        competences, savoirs_etre = _grouped_competences(ix, links)
        grand_domaine, domaine = ix.domaines(fiche.code_rome_parent)
        riasec = ref.riasec.get(code)
        mobilites = [
            {**fiche_ref(ref, m.code_rome_cible), "ordre": m.ordre}
            for m in sorted(ix.mobilites.get(code, []), key=lambda m: m.ordre)
        ]
        yield {
            "code_rome": code,
            "libelle": fiche.libelle,
            "fiche_type": "metier" if fiche.is_metier else "emploi",
            "parent": fiche_ref(ref, fiche.code_rome_parent),
            "enfants": [fiche_ref(ref, c) for c in sorted(ix.children.get(code, []))],
            "appellations": [
                {
                    "code_ogr": a.code_ogr,
                    "libelle": a.libelle,
                    "classification": a.classification,
                    "peu_usite": a.peu_usite,
                }
                for a in sorted(
                    (ref.appellations[c] for c in ix.appellations_by_fiche.get(code, [])),
                    key=lambda a: (a.classification != "PRINCIPALE", a.libelle),
                )
            ],
            "definition": "\n".join(ix.textes.get((code, "definition"), [])),
            "acces": "\n".join(ix.textes.get((code, "acces_metier"), [])),
            "competences": competences,
            "savoirs_etre": savoirs_etre,
            "savoirs": _grouped_savoirs(ix, links),
            "contextes": _grouped_contextes(ix, links),
            "macro_codes": sorted(
                {m["code_ogr"] for g in competences for m in g["macros"] if m["code_ogr"] != "?"}
            ),
            "competence_codes": sorted(
                lk.code_ogr for lk in links if lk.code_ogr in ref.competences
            ),
            "coeur_codes": sorted(
                lk.code_ogr for lk in links if lk.coeur_metier and lk.code_ogr in ref.competences
            ),
            "savoir_codes": sorted(lk.code_ogr for lk in links if lk.code_ogr in ref.savoirs),
            "contexte_codes": sorted(lk.code_ogr for lk in links if lk.code_ogr in ref.contextes),
            "secteurs": ix.classification(code, "secteurs"),
            "sous_secteurs": ix.classification(code, "sous_secteurs"),
            "secteurs_naf": ix.classification(code, "secteurs_naf"),
            "centres_interet": ix.classification(code, "centres_interet"),
            "themes": ix.classification(code, "themes"),
            "grand_domaine": grand_domaine,
            "domaine_professionnel": domaine,
            "riasec": {"majeur": riasec.majeur, "mineur": riasec.mineur} if riasec else None,
            "mobilites": mobilites,
            "transitions": fiche.transitions.tags(),
            "emploi_reglemente": fiche.emploi_reglemente,
            "emploi_cadre": fiche.emploi_cadre,
        }


def _fiches_using(ix: Indexes, code_ogr: str) -> list[Doc]:
    ref = ix.ref
    return [
        {**fiche_ref(ref, link.code_rome), "coeur_metier": link.coeur_metier}
        for link in sorted(ix.links_by_item.get(code_ogr, []), key=lambda lk: lk.code_rome)
        if link.code_rome in ref.fiches
    ]


def competence_docs(ix: Indexes) -> Iterator[Doc]:
    """One document per savoir-faire, macro-compétence and savoir-être."""
    for comp in ix.ref.competences.values():
        fiches = _fiches_using(ix, comp.code_ogr)
        riasec = ix.ref.macro_riasec.get(comp.code_ogr)
        yield {
            "code_ogr": comp.code_ogr,
            "libelle": comp.libelle,
            "nature": comp.nature,
            "categorie": comp.categorie,
            "sous_categorie": comp.sous_categorie,
            "definition": comp.definition,
            **ix.tree_path(comp),
            "riasec": {"majeur": riasec.majeur, "mineur": riasec.mineur} if riasec else None,
            "transitions": comp.transitions.tags(),
            "fiches": fiches,
            "fiche_count": len(fiches),
        }


def savoir_docs(ix: Indexes) -> Iterator[Doc]:
    """One document per savoir."""
    for savoir in ix.ref.savoirs.values():
        fiches = _fiches_using(ix, savoir.code_ogr)
        yield {
            "code_ogr": savoir.code_ogr,
            "libelle": savoir.libelle,
            "categorie": savoir.categorie,
            "sous_categorie": savoir.sous_categorie,
            "transitions": savoir.transitions.tags(),
            "fiches": fiches,
            "fiche_count": len(fiches),
        }


def contexte_docs(ix: Indexes) -> Iterator[Doc]:
    """One document per contexte de travail."""
    for ctx in ix.ref.contextes.values():
        fiches = _fiches_using(ix, ctx.code_ogr)
        yield {
            "code_ogr": ctx.code_ogr,
            "libelle": ctx.libelle,
            "type": {"code": ctx.type_code, "libelle": ctx.type_libelle},
            "fiches": fiches,
            "fiche_count": len(fiches),
        }
