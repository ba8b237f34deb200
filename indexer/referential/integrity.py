"""Links between records (items, blocs, mobilités, RIASEC) and the referential integrity check."""

from collections.abc import Callable, Container
from pathlib import Path

from pydantic import BaseModel

from indexer.referential import parse as p
from indexer.referential.csvfile import Row
from indexer.referential.records import (
    Referential,
    col,
    records,
)
from indexer.referential.report import RowError
from models.entities import (
    BlocLink,
    ItemLink,
    Mobilite,
    Riasec,
    Texte,
)


def _riasec(row: Row) -> Riasec:
    return Riasec(majeur=row["riasec_majeur"], mineur=p.optional(row["riasec_mineur"]))


def load_links(folder: Path, ref: Referential) -> None:
    riasec_columns = ("riasec_majeur", "riasec_mineur")
    for row, profile in records(
        folder, "unix_referentiel_code_rome_riasec", ("code_rome", *riasec_columns), _riasec, ref
    ):
        ref.riasec[row["code_rome"]] = profile
    for row, profile in records(
        folder,
        "unix_referentiel_macro_competence_riasec",
        ("code_ogr", *riasec_columns),
        _riasec,
        ref,
    ):
        ref.macro_riasec[row["code_ogr"]] = profile
    for _, mobilite in records(
        folder,
        "unix_rubrique_mobilite",
        ("code_rome", "code_rome_cible", "numero_ordre"),
        lambda row: Mobilite(
            code_rome=row["code_rome"],
            code_rome_cible=row["code_rome_cible"],
            ordre=col(row, "numero_ordre", p.integer),
        ),
        ref,
    ):
        ref.mobilites.append(mobilite)
    for _, texte in records(
        folder,
        "unix_texte",
        ("code_rome", "libelle_type_texte", "position_phrase", "libelle_texte"),
        lambda row: Texte(
            code_rome=row["code_rome"],
            kind=row["libelle_type_texte"],  # type: ignore[arg-type]
            position=col(row, "position_phrase", p.integer),
            texte=p.undouble_quotes(row["libelle_texte"]),
        ),
        ref,
    ):
        ref.textes.append(texte)
    for _, link in records(
        folder,
        "unix_coherence_item",
        ("code_rome", "code_ogr", "coeur_metier"),
        lambda row: ItemLink(
            code_rome=row["code_rome"],
            code_ogr=row["code_ogr"],
            coeur_metier=p.optional(row["coeur_metier"]),  # type: ignore[arg-type]
        ),
        ref,
    ):
        ref.item_links.append(link)
    for _, bloc_link in records(
        folder,
        "unix_liens_rome_referentiels",
        ("code_rome", "code_compo_bloc", "code_rubrique", "code_ogr"),
        lambda row: BlocLink(
            code_rome=row["code_rome"],
            bloc=col(row, "code_compo_bloc", p.integer),
            rubrique=col(row, "code_rubrique", lambda v: p.integer(v) if v else None),
            code_ogr=row["code_ogr"],
        ),
        ref,
    ):
        ref.bloc_links.append(bloc_link)


def check_integrity(ref: Referential) -> None:
    """Every link must point at an existing record; dangling ones are reported."""
    dangling = ref.report.dangling

    def need(
        record: BaseModel, column: str, value: str | None, table: Container[str], what: str
    ) -> None:
        if value and value not in table:
            where = ref.origin(record)
            dangling.append(RowError(where.file, where.line, column, f"no such {what}", value))

    fiches = ref.fiches
    for app in ref.appellations.values():
        need(app, "code_rome", app.code_rome, fiches, "fiche")
        need(app, "code_rome_parent", app.code_rome_parent, fiches, "fiche")
    for fiche in fiches.values():
        need(fiche, "code_rome_parent", fiche.code_rome_parent, fiches, "fiche")
    macros = {c.code_ogr for c in ref.competences.values() if c.nature == "Macro-compétence"}
    for comp in ref.competences.values():
        need(comp, "code_ogr_macro_comp", comp.code_ogr_macro, macros, "macro-compétence")
        objectif = comp.code_macro[:3] if comp.code_macro else None
        need(comp, "code_macro_comp", objectif, ref.competence_tree, "objectif")
    _check_links(ref, need)


Need = Callable[[BaseModel, str, str | None, Container[str], str], None]


def _check_links(ref: Referential, need: Need) -> None:
    fiches = ref.fiches
    for node in ref.competence_tree.values():
        need(node, "code_parent", node.parent, ref.competence_tree, "tree node")
    for node in ref.domaines_pro.values():
        need(node, "code_domaine_professionnel", node.parent, ref.grands_domaines, "grand domaine")
    for node in ref.sous_secteurs.values():
        need(node, "code_sect_activite", node.parent, ref.secteurs, "secteur")
    for links, nodes, column in (
        (ref.secteur_links, ref.secteurs, "code_sect_activite"),
        (ref.sous_secteur_links, ref.sous_secteurs, "code_ss_sect_activite"),
        (ref.centre_interet_links, ref.centres_interet, "code_centre_interet"),
        (ref.theme_links, ref.themes, "code_theme"),
        (ref.naf_links, ref.secteurs_naf, "code_secteur_naf"),
    ):
        for link in links:
            need(link, column, link.code, nodes, "node")
            need(link, "code_rome", link.code_rome, fiches, "fiche")
    for mob in ref.mobilites:
        need(mob, "code_rome", mob.code_rome, fiches, "fiche")
        need(mob, "code_rome_cible", mob.code_rome_cible, fiches, "fiche")
    for texte in ref.textes:
        need(texte, "code_rome", texte.code_rome, fiches, "fiche")
    fiche_ogr = {f.code_ogr for f in fiches.values()}
    targets: dict[tuple[int, int | None], tuple[Container[str], str]] = {
        (1, None): (fiche_ogr, "fiche"),
        (2, None): (ref.appellations, "appellation"),
        (5, 1): (ref.competences, "savoir-faire"),
        (5, 2): (ref.competences, "savoir-être"),
        (5, 3): (ref.savoirs, "savoir"),
        (6, None): (ref.contextes, "contexte"),
    }
    for bloc in ref.bloc_links:
        need(bloc, "code_rome", bloc.code_rome, fiches, "fiche")
        table, what = targets.get((bloc.bloc, bloc.rubrique), (ItemTables(ref), "record"))
        need(bloc, "code_ogr", bloc.code_ogr, table, what)
    items = ItemTables(ref)
    for item in ref.item_links:
        need(item, "code_rome", item.code_rome, fiches, "fiche")
        need(item, "code_ogr", item.code_ogr, items, "compétence, savoir or contexte")
    for code_rome, dp in ref.fiche_domaine.items():
        if code_rome not in fiches or dp not in ref.domaines_pro:
            ref.report.dangling.append(
                RowError(
                    "unix_cr_gd_dp",
                    0,
                    "code_domaine_professionel",
                    "no such fiche or domaine",
                    f"{code_rome}/{dp}",
                )
            )


class ItemTables(Container[str]):
    """Membership in any of the item tables a fiche links to."""

    def __init__(self, ref: Referential) -> None:
        self._tables = (ref.competences, ref.savoirs, ref.contextes)

    def __contains__(self, code: object) -> bool:
        return any(code in table for table in self._tables)
