"""Load the whole export into a validated, immutable Referential, or fail with a report."""

from collections.abc import Callable
from pathlib import Path

from indexer.referential import parse as p
from indexer.referential.classifications import item_transitions, load_classifications
from indexer.referential.integrity import check_integrity, load_links
from indexer.referential.records import (
    DEFAULT_MAX_ERROR_RATIO,
    Referential,
    col,
    records,
)
from models.entities import (
    Appellation,
    Competence,
    Contexte,
    Fiche,
    Savoir,
)

__all__ = ["DEFAULT_MAX_ERROR_RATIO", "Referential", "load_referential"]


def _load_appellations(folder: Path, ref: Referential) -> None:
    """Read the appellations (job titles)."""
    for _, app in records(
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


def _load_fiches(folder: Path, ref: Referential) -> None:
    """Read the fiches métier and emploi."""
    for _, fiche in records(
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


def _load_competences(folder: Path, ref: Referential) -> None:
    """Read the compétences, macro-compétences and savoirs-être."""
    for _, comp in records(
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


def _load_savoirs(folder: Path, ref: Referential) -> None:
    """Read the savoirs."""
    for _, savoir in records(
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


def _load_contextes(folder: Path, ref: Referential) -> None:
    """Read the contextes de travail."""
    for _, ctx in records(
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


def _load_entities(folder: Path, ref: Referential) -> None:
    for load in (
        _load_appellations,
        _load_fiches,
        _load_competences,
        _load_savoirs,
        _load_contextes,
    ):
        load(folder, ref)


def load_referential(
    folder: Path,
    *,
    max_error_ratio: float = DEFAULT_MAX_ERROR_RATIO,
    on_row: Callable[[], None] = lambda: None,
) -> Referential:
    """Read and validate the whole export; raise ExportInvalidError past the tolerance."""
    ref = Referential(on_row=on_row)
    _load_entities(folder, ref)
    load_classifications(folder, ref)
    load_links(folder, ref)
    check_integrity(ref)
    ref.report.check(max_error_ratio)
    return ref
