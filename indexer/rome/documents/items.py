"""Compétence, savoir and contexte documents."""

from collections.abc import Iterator
from typing import Any

from indexer.rome.documents.common import fiche_usages
from indexer.rome.normalise import normalise_for_matching
from indexer.rome.referential import Referential
from models.competences import Competence, NoeudCompetence
from models.documents.common import CodeLabel
from models.documents.items import (
    CompetenceDocument,
    CompetencePath,
    ContexteDocument,
    SavoirDocument,
)


def _code_label(node: NoeudCompetence | None) -> CodeLabel | None:
    return CodeLabel(code=node.code, libelle=node.libelle) if node else None


def _macro_of(ref: Referential, competence: Competence) -> Competence:
    if competence.code_ogr_macro is None:
        return competence
    return ref.competences[competence.code_ogr_macro]


def competence_document(ref: Referential, competence: Competence) -> CompetenceDocument:
    """A compétence with its tree path and the fiches listing it."""
    macro = _macro_of(ref, competence)
    path = ref.lookup.path(macro.code_macro)
    riasec = ref.macro_competence_riasec.get(competence.code_ogr)
    return CompetenceDocument(
        id=competence.code_ogr,
        code_ogr=competence.code_ogr,
        libelle=competence.libelle,
        libelle_normalise=normalise_for_matching(competence.libelle),
        kind=competence.kind,
        categorie=competence.categorie,
        sous_categorie=competence.sous_categorie,
        definition=competence.definition,
        chemin=CompetencePath(
            domaine=_code_label(path.domaine),
            enjeu=_code_label(path.enjeu),
            objectif=_code_label(path.objectif),
            macro=CodeLabel(code=macro.code_macro or "", libelle=macro.libelle),
            code_ogr_macro=macro.code_ogr,
        ),
        riasec_majeur=riasec.majeur if riasec else None,
        riasec_mineur=riasec.mineur if riasec else None,
        savoir_faire=tuple(
            CodeLabel(code=child.code_ogr, libelle=child.libelle)
            for child in ref.lookup.competences_by_macro.get(competence.code_ogr, ())
        ),
        transitions=competence.transitions,
        fiches=fiche_usages(ref, competence.code_ogr),
    )


def iter_competence_documents(ref: Referential) -> Iterator[dict[str, Any]]:
    """JSON-ready compétence documents (savoir-faire, macros, savoir-être)."""
    for competence in ref.competences.values():
        yield competence_document(ref, competence).model_dump(mode="json")


def iter_savoir_documents(ref: Referential) -> Iterator[dict[str, Any]]:
    """JSON-ready savoir documents."""
    for savoir in ref.savoirs.values():
        yield SavoirDocument(
            id=savoir.code_ogr,
            code_ogr=savoir.code_ogr,
            libelle=savoir.libelle,
            libelle_normalise=normalise_for_matching(savoir.libelle),
            categorie=savoir.categorie,
            sous_categorie=savoir.sous_categorie,
            transitions=savoir.transitions,
            fiches=fiche_usages(ref, savoir.code_ogr),
        ).model_dump(mode="json")


def iter_contexte_documents(ref: Referential) -> Iterator[dict[str, Any]]:
    """JSON-ready contexte de travail documents."""
    for contexte in ref.contextes.values():
        yield ContexteDocument(
            id=contexte.code_ogr,
            code_ogr=contexte.code_ogr,
            libelle=contexte.libelle,
            libelle_normalise=normalise_for_matching(contexte.libelle),
            code_type=contexte.code_type,
            type_contexte=contexte.type_contexte,
            fiches=fiche_usages(ref, contexte.code_ogr),
        ).model_dump(mode="json")
