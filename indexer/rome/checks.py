"""Which links every table must honour, checked in dependency order.

Each table is checked against tables already checked, so a record dropped for a dangling link
also drops the records that point to it (an appellation of a dropped fiche is reported too).
"""

import dataclasses
from collections.abc import Callable, Collection
from typing import Any

from indexer.rome.export import ExportTables
from indexer.rome.integrity import Link, drop_dangling, drop_dangling_tree
from indexer.rome.table import Table
from models.links import NoeudArborescenceDomaine
from models.vocab import NoeudDomaineType


def _keys(table: Table[Any], key: Callable[[Any], str]) -> frozenset[str]:
    return frozenset(key(record) for record in table.records)


def _link(column: str, attribute: str, targets: Collection[str], target: str) -> Link[Any]:
    return Link(column, lambda record: getattr(record, attribute), targets, target)


def _domaine_code(node: NoeudArborescenceDomaine) -> str | None:
    if node.type_noeud in {NoeudDomaineType.DOMAINE_PROFESSIONNEL, NoeudDomaineType.FICHE}:
        return f"{node.code_grand_domaine}{node.code_domaine_professionnel}"
    return None


def _check_fiches(t: ExportTables) -> ExportTables:
    grands = _keys(t.grands_domaines, lambda r: r.code)
    domaines = drop_dangling(
        t.domaines_professionnels,
        [_link("code_domaine_professionnel", "code_grand_domaine", grands, "grand domaine")],
    )
    fiches = drop_dangling_tree(
        t.fiches,
        lambda known: _link("code_rome_parent", "code_rome_parent", known, "parent fiche"),
        key=lambda r: r.code_rome,
    )
    rome = _keys(fiches, lambda r: r.code_rome)
    appellations = drop_dangling(
        t.appellations,
        [
            _link("code_rome", "code_rome", rome, "fiche"),
            _link("code_rome_parent", "code_rome_parent", rome, "fiche"),
        ],
    )
    return dataclasses.replace(
        t,
        domaines_professionnels=domaines,
        fiches=fiches,
        appellations=appellations,
        textes=drop_dangling(t.textes, [_link("code_rome", "code_rome", rome, "fiche")]),
    )


def _check_competences(t: ExportTables) -> ExportTables:
    has_tree = t.noeuds_competence.file is not None
    noeuds = drop_dangling_tree(
        t.noeuds_competence,
        lambda known: _link("code_parent", "code_parent", known, "parent node"),
        key=lambda r: r.code,
    )
    nodes = _keys(noeuds, lambda r: r.code)
    macro_node = _link("code_macro_comp", "code_macro", nodes, "tree node")
    with_macros = drop_dangling(t.competences, [macro_node] if has_tree else [])
    macros = frozenset(r.code_ogr for r in with_macros.records if r.code_macro)
    competences = drop_dangling(
        with_macros, [_link("code_ogr_macro_comp", "code_ogr_macro", macros, "macro-compétence")]
    )
    ogr = _keys(competences, lambda r: r.code_ogr)
    arborescence = drop_dangling(
        t.arborescence_competences,
        [
            _link("code_ogr_macro_competence", "code_ogr_macro", macros, "macro-compétence"),
            _link("code_ogr_competence", "code_ogr_competence", ogr, "compétence"),
            *(
                [_link("code_macro_competence", "code_macro", nodes, "tree node")]
                if has_tree
                else []
            ),
        ],
    )
    riasec = drop_dangling(
        t.macro_competence_riasec, [_link("code_ogr", "code_ogr", macros, "macro-compétence")]
    )
    return dataclasses.replace(
        t,
        noeuds_competence=noeuds,
        competences=competences,
        arborescence_competences=arborescence,
        macro_competence_riasec=riasec,
    )


def _check_items(t: ExportTables) -> ExportTables:
    rome = _keys(t.fiches, lambda r: r.code_rome)
    items = (
        _keys(t.competences, lambda r: r.code_ogr)
        | _keys(t.savoirs, lambda r: r.code_ogr)
        | _keys(t.contextes, lambda r: r.code_ogr)
    )
    any_ogr = (
        items | _keys(t.fiches, lambda r: r.code_ogr) | _keys(t.appellations, lambda r: r.code_ogr)
    )
    blocs = _keys(t.blocs, lambda r: r.code)
    rubriques = drop_dangling(t.rubriques, [_link("code_compo_bloc", "code_bloc", blocs, "bloc")])
    rubrique_codes = _keys(rubriques, lambda r: r.code)
    to_fiche = _link("code_rome", "code_rome", rome, "fiche")
    to_rubrique = _link("code_rubrique", "code_rubrique", rubrique_codes, "rubrique")
    return dataclasses.replace(
        t,
        rubriques=rubriques,
        items=drop_dangling(
            t.items, [_link("code_ogr", "code_ogr", items, "compétence/savoir/contexte")]
        ),
        coherence_items=drop_dangling(
            t.coherence_items,
            [to_fiche, _link("code_ogr", "code_ogr", items, "compétence/savoir/contexte")],
        ),
        liens_referentiels=drop_dangling(
            t.liens_referentiels,
            [
                to_fiche,
                _link("code_compo_bloc", "code_bloc", blocs, "bloc"),
                to_rubrique,
                _link("code_ogr", "code_ogr", any_ogr, "OGR record"),
            ],
        ),
    )


def _check_fiche_links(t: ExportTables) -> ExportTables:
    fiches = t.fiches
    rome = _keys(fiches, lambda r: r.code_rome)
    to_fiche = _link("code_rome", "code_rome", rome, "fiche")
    grands = _keys(t.grands_domaines, lambda r: r.code)
    domaines = _keys(t.domaines_professionnels, lambda r: r.code)
    secteurs = _keys(t.secteurs_activite, lambda r: r.code)
    sous_secteurs = drop_dangling(
        t.sous_secteurs_activite,
        [_link("code_sect_activite", "code_secteur", secteurs, "secteur d'activité")],
    )
    sous_codes = _keys(sous_secteurs, lambda r: r.code)
    gd_link = _link("code_grand_domaine", "code_grand_domaine", grands, "grand domaine")
    arbo_links = [
        gd_link,
        Link("code_domaine_professionnel", _domaine_code, domaines, "domaine professionnel"),
        _link(
            "code_fiche", "code_fiche_metier", _keys(fiches, lambda r: r.code_fiche_metier), "fiche"
        ),
        _link("ogr_rome", "code_ogr_rome", _keys(fiches, lambda r: r.code_ogr), "fiche"),
        _link(
            "ogr_appellation",
            "code_ogr_appellation",
            _keys(t.appellations, lambda r: r.code_ogr),
            "appellation",
        ),
    ]
    return dataclasses.replace(
        t,
        mobilites=drop_dangling(
            t.mobilites,
            [to_fiche, _link("code_rome_cible", "code_rome_cible", rome, "fiche")],
        ),
        fiche_riasec=drop_dangling(t.fiche_riasec, [to_fiche]),
        fiche_domaines=drop_dangling(
            t.fiche_domaines,
            [
                to_fiche,
                gd_link,
                _link(
                    "code_domaine_professionel",
                    "code_domaine_professionnel",
                    domaines,
                    "domaine professionnel",
                ),
            ],
        ),
        arborescence_domaines=drop_dangling(t.arborescence_domaines, arbo_links),
        sous_secteurs_activite=sous_secteurs,
        fiche_secteurs_activite=drop_dangling(
            t.fiche_secteurs_activite,
            [
                to_fiche,
                _link("code_sect_activite", "code_secteur", secteurs, "secteur d'activité"),
                _link(
                    "code_ss_sect_activite",
                    "code_sous_secteur",
                    sous_codes,
                    "sous-secteur d'activité",
                ),
            ],
        ),
        fiche_centres_interet=drop_dangling(
            t.fiche_centres_interet,
            [
                to_fiche,
                _link(
                    "code_centre_interet",
                    "code_centre_interet",
                    _keys(t.centres_interet, lambda r: r.code),
                    "centre d'intérêt",
                ),
            ],
        ),
        fiche_themes=drop_dangling(
            t.fiche_themes,
            [
                to_fiche,
                _link("code_theme", "code_theme", _keys(t.themes, lambda r: r.code), "thème"),
            ],
        ),
        fiche_secteurs_naf=drop_dangling(
            t.fiche_secteurs_naf,
            [
                to_fiche,
                _link(
                    "code_secteur_naf",
                    "code_secteur_naf",
                    _keys(t.secteurs_naf, lambda r: r.code),
                    "secteur NAF",
                ),
            ],
        ),
    )


def check_integrity(tables: ExportTables) -> ExportTables:
    """Tables without records holding dangling links; each dropped link is in its table's errors."""
    checked = tables
    for step in (_check_fiches, _check_competences, _check_items, _check_fiche_links):
        checked = step(checked)
    return checked
