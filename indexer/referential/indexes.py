"""Lookups built once from the Referential and shared by every document builder."""

from collections import defaultdict
from dataclasses import dataclass

from indexer.referential.load import Referential
from models.entities import Competence, FicheLink, ItemLink, Mobilite, Node
from models.entities import Riasec as RiasecRecord
from models.refs import ClassNode, CodeLabel, MacroRef, Riasec


def code_label(node: Node | None) -> CodeLabel | None:
    """{code, libelle} of a node, or None."""
    return CodeLabel(code=node.code, libelle=node.libelle) if node else None


def riasec(record: RiasecRecord | None) -> Riasec | None:
    """RIASEC majeur and mineur of a fiche or macro, or None."""
    return Riasec(majeur=record.majeur, mineur=record.mineur) if record else None


@dataclass(frozen=True)
class TreePath:
    """Domaine > enjeu > objectif > macro of a compétence."""

    domaine: CodeLabel | None
    enjeu: CodeLabel | None
    objectif: CodeLabel | None
    macro: MacroRef | None


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

    def classification(self, code_rome: str, name: str) -> list[ClassNode]:
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
                    ClassNode(code=node.code, libelle=node.libelle, principal=link.principal)
                )
        return out

    def domaines(self, code_rome: str) -> tuple[CodeLabel | None, CodeLabel | None]:
        """Grand domaine and domaine professionnel of a fiche."""
        dp = self.ref.domaines_pro.get(self.ref.fiche_domaine.get(code_rome, ""))
        gd = self.ref.grands_domaines.get(dp.parent or "") if dp else None
        return code_label(gd), code_label(dp)

    def tree_path(self, comp: Competence) -> TreePath:
        """Domaine > enjeu > objectif > macro of a compétence (a macro is its own macro)."""
        comps = self.ref.competences
        macro = comp if comp.nature == "Macro-compétence" else comps.get(comp.code_ogr_macro or "")
        code = macro.code_macro if macro and macro.code_macro else ""
        tree = self.ref.competence_tree
        return TreePath(
            domaine=code_label(tree.get(code[:1])),
            enjeu=code_label(tree.get(code[:2])),
            objectif=code_label(tree.get(code[:3])),
            macro=MacroRef(code_ogr=macro.code_ogr, code=code, libelle=macro.libelle)
            if macro
            else None,
        )


def fiche_ref(ref: Referential, code_rome: str) -> CodeLabel:
    """{code, libelle} of a fiche."""
    return CodeLabel(code=code_rome, libelle=ref.fiches[code_rome].libelle)
