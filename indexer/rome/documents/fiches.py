"""Fiche documents."""

from collections.abc import Iterator
from typing import Any

from indexer.rome.documents.common import classements, fiche_ref
from indexer.rome.documents.fiche_competences import (
    competence_groups,
    contexte_groups,
    savoir_groups,
)
from indexer.rome.normalise import normalise_for_matching
from indexer.rome.referential import Referential
from models.documents.fiche import AppellationEntry, FicheDocument, MobiliteEntry
from models.fiches import Fiche
from models.vocab import FicheType, TexteType


def fiche_document(ref: Referential, fiche: Fiche) -> FicheDocument:
    """Everything the page of one fiche shows."""
    lookup = ref.lookup
    code = fiche.code_rome
    competences, savoir_etre = competence_groups(ref, code)
    riasec = ref.fiche_riasec.get(code)
    return FicheDocument(
        id=code,
        code_rome=code,
        libelle=fiche.libelle,
        libelle_normalise=normalise_for_matching(fiche.libelle),
        fiche_type=fiche.fiche_type,
        parent=(
            fiche_ref(ref, fiche.code_rome_parent) if fiche.fiche_type is FicheType.EMPLOI else None
        ),
        enfants=tuple(fiche_ref(ref, child) for child in lookup.children_by_fiche.get(code, ())),
        appellations=tuple(
            AppellationEntry(
                code_ogr=a.code_ogr, libelle=a.libelle_long, classification=a.classification
            )
            for a in lookup.appellations_by_fiche.get(code, ())
        ),
        definition=lookup.texte(code, TexteType.DEFINITION),
        acces=lookup.texte(code, TexteType.ACCES_METIER),
        competences=competences,
        savoir_etre=savoir_etre,
        savoirs=savoir_groups(ref, code),
        contextes=contexte_groups(ref, code),
        classements=classements(ref, code),
        riasec_majeur=riasec.majeur if riasec else None,
        riasec_mineur=riasec.mineur if riasec else None,
        mobilites=tuple(
            MobiliteEntry(ordre=m.ordre, fiche=fiche_ref(ref, m.code_rome_cible))
            for m in lookup.mobilites_by_fiche.get(code, ())
        ),
        tags=fiche.tags,
    )


def fiche_documents(ref: Referential) -> Iterator[FicheDocument]:
    """One document per fiche, in reading order."""
    for fiche in ref.fiches.values():
        yield fiche_document(ref, fiche)


def iter_fiche_documents(ref: Referential) -> Iterator[dict[str, Any]]:
    """JSON-ready fiche documents; `id` is the stable document id."""
    for document in fiche_documents(ref):
        yield document.model_dump(mode="json")
