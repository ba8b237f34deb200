"""Response models of the territory routes."""

from typing import Literal

from pydantic import BaseModel, Field

from search_api import examples
from search_api.common.schemas import CodeLabel, example

TerritoireType = Literal["region", "departement", "commune"]


class Territoire(BaseModel):
    """A région, département or commune."""

    model_config = example(examples.TERRITOIRE)

    type: TerritoireType = Field(description="Kind of territory.")
    code: str = Field(description="INSEE code (COG 2024).")
    libelle: str = Field(description="Official name.")
    departement: CodeLabel | None = Field(default=None, description="Commune: its département.")
    region: CodeLabel | None = Field(default=None, description="Its région (none for a région).")
    codes_postaux: list[str] = Field(default_factory=list, description="Commune: postcodes.")


class TerritoireResponse(BaseModel):
    """Territories matching what was typed."""

    model_config = example(examples.TERRITOIRES)

    query: str = Field(description="The characters typed.")
    results: list[Territoire] = Field(description="Best first.")


class TerritoireList(BaseModel):
    """Territories under a région or département, alphabetical."""

    model_config = example(examples.TERRITOIRE_LIST)

    total: int = Field(description="Territories under it.")
    territoires: list[Territoire] = Field(description="Alphabetical.")
