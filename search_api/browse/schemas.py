"""Response models of the browsing routes."""

from pydantic import BaseModel, Field

from search_api import examples
from search_api.common.schemas import example


class EntryPoint(BaseModel):
    """One value of a browsing entry point."""

    model_config = example(examples.ENTRY_POINT)

    code: str = Field(description="Code to browse by.")
    libelle: str = Field(description="Label.")
    metiers: int = Field(description="Fiches métier under it.")


class MetierItem(BaseModel):
    """A fiche métier in a browsing list."""

    code_rome: str = Field(description="ROME code.")
    libelle: str = Field(description="Title.")


class BrowseResponse(BaseModel):
    """Fiches métier under the requested entry point, alphabetical."""

    model_config = example(examples.BROWSE)

    total: int = Field(description="Fiches métier matching.")
    metiers: list[MetierItem] = Field(description="Alphabetical by title.")
