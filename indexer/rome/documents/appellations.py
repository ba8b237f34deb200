"""Appellation documents."""

from collections.abc import Iterator
from typing import Any

from indexer.rome.documents.common import classements, fiche_ref, split_gendered_label
from indexer.rome.normalise import normalise_for_matching
from indexer.rome.referential import Referential
from models.documents.appellation import AppellationDocument
from models.documents.common import Classements


def appellation_documents(ref: Referential) -> Iterator[AppellationDocument]:
    """One document per appellation, in reading order."""
    by_fiche: dict[str, Classements] = {}  # appellations of a fiche share its classifications
    for appellation in ref.appellations.values():
        fiche = ref.fiches[appellation.code_rome]
        if fiche.code_rome not in by_fiche:
            by_fiche[fiche.code_rome] = classements(ref, fiche.code_rome)
        yield AppellationDocument(
            id=appellation.code_ogr,
            code_ogr=appellation.code_ogr,
            libelle_long=appellation.libelle_long,
            libelle_long_normalise=normalise_for_matching(appellation.libelle_long),
            libelle_court=appellation.libelle_court,
            libelle_court_normalise=normalise_for_matching(appellation.libelle_court),
            formes=split_gendered_label(appellation.libelle_long),
            fiche=fiche_ref(ref, fiche.code_rome),
            fiche_parent=fiche_ref(ref, fiche.code_rome_parent),
            fiche_type=fiche.fiche_type,
            code_rome_parent_declare=appellation.code_rome_parent,
            classements=by_fiche[fiche.code_rome],
            tags=appellation.tags,
            classification=appellation.classification,
            peu_usite=appellation.peu_usite,
        )


def iter_appellation_documents(ref: Referential) -> Iterator[dict[str, Any]]:
    """JSON-ready appellation documents; `id` is the stable document id."""
    for document in appellation_documents(ref):
        yield document.model_dump(mode="json")
