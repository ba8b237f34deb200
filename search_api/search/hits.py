"""What a search returns before it is shaped for a route: typed hits of four kinds."""

from dataclasses import dataclass
from typing import Any, Literal

EntityType = Literal["appellation", "fiche", "competence", "savoir"]
ENTITY_OF_TYPE: dict[EntityType, str] = {
    "appellation": "appellations",
    "fiche": "fiches",
    "competence": "competences",
    "savoir": "savoirs",
}
TYPE_OF_ENTITY: dict[str, EntityType] = {entity: kind for kind, entity in ENTITY_OF_TYPE.items()}
FACETED_ENTITIES = ("appellations", "fiches")  # the documents that carry facet fields


@dataclass(frozen=True)
class Hit:
    """One result: an appellation, fiche, compétence or savoir."""

    entity: str
    id: str
    score: float
    source: dict[str, Any]
    highlight: str | None

    @property
    def type(self) -> EntityType:
        """The kind of record."""
        return TYPE_OF_ENTITY[self.entity]

    @property
    def libelle(self) -> str:
        """Its label."""
        return str(self.source.get("libelle", ""))

    @property
    def fiche_code(self) -> str | None:
        """An appellation's fiche, a fiche's own code, None for an item."""
        if self.entity == "appellations":
            return str(self.source["fiche"]["code"])
        return self.id if self.entity == "fiches" else None
