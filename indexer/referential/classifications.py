"""Classifications of the export (domaines, secteurs, centres d'intérêt, thèmes, NAF) and the
fiches they hold."""

from collections.abc import Callable
from pathlib import Path

from indexer.referential import parse as p
from indexer.referential.csvfile import Row
from indexer.referential.records import (
    Referential,
    col,
    records,
)
from models.entities import (
    FicheLink,
    Node,
    Transitions,
)


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
        for _, node in records(
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
        for _, link in records(
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


def load_classifications(folder: Path, ref: Referential) -> None:
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
    for _, (code_rome, dp) in records(
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
