"""Load the whole export into a validated, immutable Referential, or fail with a report."""

from collections.abc import Callable, Container, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from indexer.referential import parse as p
from indexer.referential.csvfile import Row, find_file, read_rows
from indexer.referential.report import RowError, ValidationReport
from models.entities import (
    Appellation,
    BlocLink,
    Competence,
    Contexte,
    Fiche,
    FicheLink,
    ItemLink,
    Mobilite,
    Node,
    Riasec,
    Savoir,
    Texte,
    Transitions,
)

T = TypeVar("T")
DEFAULT_MAX_ERROR_RATIO = 0.001  # 0.1 %: a handful of bad rows in 400,000 is reported, not fatal


class FieldError(ValueError):
    """A value of one column could not be converted."""

    def __init__(self, column: str, reason: str, value: str) -> None:
        super().__init__(reason)
        self.column, self.reason, self.value = column, reason, value


def col(row: Row, column: str, convert: Callable[[str], T]) -> T:
    """Convert one column, naming it on failure."""
    try:
        return convert(row[column])
    except ValueError as e:
        raise FieldError(column, str(e), row[column]) from e


def _records(
    folder: Path,
    stem: str,
    columns: tuple[str, ...],
    build: Callable[[Row], T],
    ref: "Referential",
) -> Iterator[tuple[Row, T]]:
    report = ref.report
    path = find_file(folder, stem)
    for row in read_rows(path, columns, report):
        ref.on_row()
        try:
            record = build(row)
            if isinstance(record, BaseModel):
                ref.origins[id(record)] = Source(row.file, row.line)
            yield row, record
        except FieldError as e:
            report.errors.append(RowError(row.file, row.line, e.column, e.reason, e.value))
        except ValidationError as e:
            for err in e.errors():
                where = ".".join(str(part) for part in err["loc"]) or "*"
                report.errors.append(
                    RowError(row.file, row.line, where, err["msg"], str(err.get("input", "")))
                )


@dataclass(frozen=True)
class Source:
    """Where a record came from, for integrity reports."""

    file: str
    line: int


@dataclass
class Referential:
    """Every entity of the export keyed by code, with links and the reading report."""

    appellations: dict[str, Appellation] = field(default_factory=dict)
    fiches: dict[str, Fiche] = field(default_factory=dict)
    competences: dict[str, Competence] = field(default_factory=dict)
    savoirs: dict[str, Savoir] = field(default_factory=dict)
    contextes: dict[str, Contexte] = field(default_factory=dict)
    competence_tree: dict[str, Node] = field(default_factory=dict)
    grands_domaines: dict[str, Node] = field(default_factory=dict)
    domaines_pro: dict[str, Node] = field(default_factory=dict)
    fiche_domaine: dict[str, str] = field(default_factory=dict)
    secteurs: dict[str, Node] = field(default_factory=dict)
    sous_secteurs: dict[str, Node] = field(default_factory=dict)
    secteur_links: list[FicheLink] = field(default_factory=list)
    sous_secteur_links: list[FicheLink] = field(default_factory=list)
    centres_interet: dict[str, Node] = field(default_factory=dict)
    centre_interet_links: list[FicheLink] = field(default_factory=list)
    themes: dict[str, Node] = field(default_factory=dict)
    theme_links: list[FicheLink] = field(default_factory=list)
    secteurs_naf: dict[str, Node] = field(default_factory=dict)
    naf_links: list[FicheLink] = field(default_factory=list)
    riasec: dict[str, Riasec] = field(default_factory=dict)
    macro_riasec: dict[str, Riasec] = field(default_factory=dict)
    mobilites: list[Mobilite] = field(default_factory=list)
    textes: list[Texte] = field(default_factory=list)
    item_links: list[ItemLink] = field(default_factory=list)
    bloc_links: list[BlocLink] = field(default_factory=list)
    report: ValidationReport = field(default_factory=ValidationReport)
    origins: dict[int, Source] = field(default_factory=dict)
    on_row: Callable[[], None] = lambda: None

    def origin(self, record: BaseModel) -> Source:
        """File and line a record was read from."""
        return self.origins.get(id(record), Source("?", 0))

    def counts(self) -> dict[str, int]:
        """Records per entity, as printed by the indexer and checked against what it indexed."""
        macros = sum(c.nature == "Macro-compétence" for c in self.competences.values())
        return {
            "appellations": len(self.appellations),
            "fiches": len(self.fiches),
            "fiches métier": sum(f.is_metier for f in self.fiches.values()),
            "competences": len(self.competences),
            "macro-compétences": macros,
            "savoirs": len(self.savoirs),
            "contextes": len(self.contextes),
            "mobilites": len(self.mobilites),
            "liens fiche-item": len(self.item_links),
            "liens par bloc": len(self.bloc_links),
            "textes": len(self.textes),
            "arbre compétences": len(self.competence_tree),
            "secteurs": len(self.secteurs) + len(self.sous_secteurs),
            "centres d'intérêt": len(self.centres_interet),
            "thèmes": len(self.themes),
            "secteurs NAF": len(self.secteurs_naf),
        }


def _load_entities(folder: Path, ref: Referential) -> None:
    for _, app in _records(
        folder,
        "unix_referentiel_appellation",
        (
            "code_ogr",
            "libelle_appellation_long",
            "libelle_appellation_court",
            "code_rome",
            "transition_eco",
            "transition_num",
            "transition_demo",
            "emploi_reglemente",
            "emploi_cadre",
            "classification",
            "code_rome_parent",
            "peu_usite",
        ),
        lambda row: Appellation(
            code_ogr=row["code_ogr"],
            libelle=row["libelle_appellation_long"],
            libelle_court=row["libelle_appellation_court"],
            code_rome=row["code_rome"],
            code_rome_parent=row["code_rome_parent"],
            classification=row["classification"],  # type: ignore[arg-type]
            peu_usite=col(row, "peu_usite", p.yes_no) or False,
            transitions=p.transitions(
                row["transition_eco"], row["transition_num"], row["transition_demo"]
            ),
            emploi_reglemente=col(row, "emploi_reglemente", p.yes_no),
            emploi_cadre=col(row, "emploi_cadre", p.yes_no),
        ),
        ref,
    ):
        ref.appellations[app.code_ogr] = app
    for _, fiche in _records(
        folder,
        "unix_referentiel_code_rome",
        (
            "code_rome",
            "code_ogr",
            "libelle_rome",
            "transition_eco",
            "transition_num",
            "transition_demo",
            "emploi_reglemente",
            "emploi_cadre",
            "code_rome_parent",
        ),
        lambda row: Fiche(
            code_rome=row["code_rome"],
            code_ogr=row["code_ogr"],
            libelle=row["libelle_rome"],
            code_rome_parent=row["code_rome_parent"],
            transitions=p.transitions(
                row["transition_eco"], row["transition_num"], row["transition_demo"]
            ),
            emploi_reglemente=col(row, "emploi_reglemente", p.yes_no),
            emploi_cadre=col(row, "emploi_cadre", p.yes_no),
        ),
        ref,
    ):
        ref.fiches[fiche.code_rome] = fiche
    for _, comp in _records(
        folder,
        "unix_referentiel_competence",
        (
            "code_ogr",
            "nature",
            "libelle_competence",
            "definition",
            "code_ogr_macro_comp",
            "code_macro_comp",
            "cat_comp",
            "sous_cat_comp",
            "transition_eco",
            "transition_num",
        ),
        lambda row: Competence(
            code_ogr=row["code_ogr"],
            libelle=row["libelle_competence"],
            nature=row["nature"],  # type: ignore[arg-type]
            categorie=row["cat_comp"],  # type: ignore[arg-type]
            sous_categorie=p.optional(row["sous_cat_comp"]),
            definition=p.optional(row["definition"]),
            code_ogr_macro=p.optional(row["code_ogr_macro_comp"]),
            code_macro=p.optional(row["code_macro_comp"]),
            transitions=item_transitions(row),
        ),
        ref,
    ):
        ref.competences[comp.code_ogr] = comp
    for _, savoir in _records(
        folder,
        "unix_referentiel_savoir",
        (
            "code_ogr_savoir",
            "libelle_savoir",
            "categorie_savoir",
            "sous_categorie_savoir",
            "transition_eco",
            "transition_num",
        ),
        lambda row: Savoir(
            code_ogr=row["code_ogr_savoir"],
            libelle=row["libelle_savoir"],
            categorie=row["categorie_savoir"],
            sous_categorie=row["sous_categorie_savoir"],
            transitions=item_transitions(row),
        ),
        ref,
    ):
        ref.savoirs[savoir.code_ogr] = savoir
    for _, ctx in _records(
        folder,
        "unix_referentiel_contexte_travail",
        ("code_ogr", "libelle_cont_travail", "code_type_cont_trav", "libelle_type_cont_trav"),
        lambda row: Contexte(
            code_ogr=row["code_ogr"],
            libelle=row["libelle_cont_travail"],
            type_code=row["code_type_cont_trav"],
            type_libelle=row["libelle_type_cont_trav"],
        ),
        ref,
    ):
        ref.contextes[ctx.code_ogr] = ctx


def item_transitions(row: Row) -> Transitions:
    """Compétence and savoir transitions: there `transition_eco` is an O/N flag."""
    eco = col(row, "transition_eco", p.yes_no)
    return Transitions(
        eco="Transition écologique" if eco else None, num=col(row, "transition_num", p.yes_no)
    )


def _nodes(
    folder: Path,
    stem: str,
    code: str,
    label: str,
    ref: Referential,
    *,
    definition: str | None = None,
    parent: Callable[[Row], str | None] = lambda _: None,
) -> dict[str, Node]:
    columns = tuple(c for c in (code, label, definition) if c)
    return {
        node.code: node
        for _, node in _records(
            folder,
            stem,
            columns,
            lambda row: Node(
                code=row[code],
                libelle=row[label],
                definition=p.optional(row[definition]) if definition else None,
                parent=parent(row),
            ),
            ref,
        )
    }


def _fiche_links(
    folder: Path, stem: str, code: str, ref: Referential, *, principal: bool = False
) -> list[FicheLink]:
    columns = (code, "code_rome") + (("principal",) if principal else ())
    links = {
        (link.code, link.code_rome): link
        for _, link in _records(
            folder,
            stem,
            columns,
            lambda row: FicheLink(
                code=row[code],
                code_rome=row["code_rome"],
                principal=col(row, "principal", p.yes_no) if principal else None,
            ),
            ref,
        )
    }
    return list(links.values())


def _load_classifications(folder: Path, ref: Referential) -> None:
    ref.competence_tree = _nodes(
        folder,
        "rome4_hierarchie_competences_libelles",
        "code_fonctionnel",
        "libelle",
        ref,
        parent=lambda row: p.optional(row["code_parent"]),
    )
    ref.grands_domaines = _nodes(
        folder, "unix_grand_domaine", "code_grand_domaine", "libelle_grand_domaine", ref
    )
    ref.domaines_pro = _nodes(
        folder,
        "unix_domaine_professionnel",
        "code_domaine_professionnel",
        "libelle_domaine_professionnel",
        ref,
        parent=lambda row: row["code_domaine_professionnel"][:1],
    )
    for _, (code_rome, dp) in _records(
        folder,
        "unix_cr_gd_dp",
        ("code_rome", "code_domaine_professionel"),
        lambda row: (row["code_rome"], row["code_domaine_professionel"]),
        ref,
    ):
        ref.fiche_domaine[code_rome] = dp
    ref.secteurs = _nodes(
        folder,
        "unix_secteur_activite",
        "code_sect_activite",
        "libelle_sect_activite",
        ref,
        definition="definition_sect_activite",
    )
    ref.sous_secteurs = _nodes(
        folder,
        "unix_sous_secteur_activite",
        "code_ss_sect_activite",
        "libelle_ss_sect_activite",
        ref,
        definition="definition_ss_sect_activite",
        parent=lambda row: row["code_sect_activite"],
    )
    ref.secteur_links = _fiche_links(
        folder, "unix_arborescence_secteur_activite", "code_sect_activite", ref, principal=True
    )
    ref.sous_secteur_links = _fiche_links(
        folder, "unix_arborescence_secteur_activite", "code_ss_sect_activite", ref, principal=True
    )
    ref.centres_interet = _nodes(
        folder,
        "unix_centre_interet",
        "code_centre_interet",
        "libelle_centre_interet",
        ref,
        definition="definition_centre_interet",
    )
    ref.centre_interet_links = _fiche_links(
        folder, "unix_arborescence_centre_interet", "code_centre_interet", ref, principal=True
    )
    ref.themes = _nodes(
        folder, "unix_themes", "code_theme", "libelle_theme", ref, definition="definition_theme"
    )
    ref.theme_links = _fiche_links(folder, "unix_arborescence_thematique", "code_theme", ref)
    ref.secteurs_naf = _nodes(
        folder, "unix_secteur_naf", "code_secteur_naf", "libelle_secteur_naf", ref
    )
    ref.naf_links = _fiche_links(folder, "unix_arborescence_secteur_naf", "code_secteur_naf", ref)


def _riasec(row: Row) -> Riasec:
    return Riasec(majeur=row["riasec_majeur"], mineur=p.optional(row["riasec_mineur"]))


def _load_links(folder: Path, ref: Referential) -> None:
    riasec_columns = ("riasec_majeur", "riasec_mineur")
    for row, profile in _records(
        folder, "unix_referentiel_code_rome_riasec", ("code_rome", *riasec_columns), _riasec, ref
    ):
        ref.riasec[row["code_rome"]] = profile
    for row, profile in _records(
        folder,
        "unix_referentiel_macro_competence_riasec",
        ("code_ogr", *riasec_columns),
        _riasec,
        ref,
    ):
        ref.macro_riasec[row["code_ogr"]] = profile
    for _, mobilite in _records(
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
    for _, texte in _records(
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
    for _, link in _records(
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
    for _, bloc_link in _records(
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


def _check_integrity(ref: Referential) -> None:
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


def load_referential(
    folder: Path,
    *,
    max_error_ratio: float = DEFAULT_MAX_ERROR_RATIO,
    on_row: Callable[[], None] = lambda: None,
) -> Referential:
    """Read and validate the whole export; raise ExportInvalidError past the tolerance."""
    ref = Referential(on_row=on_row)
    _load_entities(folder, ref)
    _load_classifications(folder, ref)
    _load_links(folder, ref)
    _check_integrity(ref)
    ref.report.check(max_error_ratio)
    return ref
