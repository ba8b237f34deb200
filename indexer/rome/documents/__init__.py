"""Pure builders from a Referential to the JSON documents indexed, one generator per entity.

Every document carries `id`, its stable document id (the ROME code or the OGR code).
"""

from indexer.rome.documents.appellations import appellation_documents, iter_appellation_documents
from indexer.rome.documents.common import split_gendered_label
from indexer.rome.documents.fiches import fiche_document, fiche_documents, iter_fiche_documents
from indexer.rome.documents.items import (
    competence_document,
    iter_competence_documents,
    iter_contexte_documents,
    iter_savoir_documents,
)

__all__ = [
    "appellation_documents",
    "competence_document",
    "fiche_document",
    "fiche_documents",
    "iter_appellation_documents",
    "iter_competence_documents",
    "iter_contexte_documents",
    "iter_fiche_documents",
    "iter_savoir_documents",
    "split_gendered_label",
]
