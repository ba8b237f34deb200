"""The JSON documents indexed for each entity (one model per index)."""

from models.documents.appellation import AppellationDocument
from models.documents.fiche import FicheDocument
from models.documents.items import CompetenceDocument, ContexteDocument, SavoirDocument

__all__ = [
    "AppellationDocument",
    "CompetenceDocument",
    "ContexteDocument",
    "FicheDocument",
    "SavoirDocument",
]
