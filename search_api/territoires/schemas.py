"""Response models of the territory routes."""

from pydantic import BaseModel, Field

from models.refs import CodeLabel, given
from models.territoires import TerritoireSummary, TerritoireType
from search_api import examples
from search_api.common.schemas import example


class Territoire(BaseModel):
    """A région, département or commune."""

    model_config = example(examples.TERRITOIRE)

    type: TerritoireType = Field(description="Kind of territory.")
    code: str = Field(description="INSEE code (COG 2024).")
    libelle: str = Field(description="Official name.")
    departement: CodeLabel | None = Field(default=None, description="Commune: its département.")
    region: CodeLabel | None = Field(default=None, description="Its région (none for a région).")
    codes_postaux: list[str] = Field(default_factory=list, description="Commune: postcodes.")

    @classmethod
    def of(cls, doc: TerritoireSummary) -> "Territoire":
        """The response of a territory document (absent keys become null or empty)."""
        return cls(
            type=doc.type,
            code=doc.code,
            libelle=doc.libelle,
            departement=given(doc.departement),
            region=given(doc.region),
            codes_postaux=given(doc.codes_postaux) or [],
        )


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
