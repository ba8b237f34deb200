"""The documents of the territoires index: régions, départements and communes (COG 2024)."""

from typing import Literal

from pydantic import MISSING, Field

from models.refs import CodeLabel, Document

TerritoireType = Literal["region", "departement", "commune"]
# A territory as URLs name it (`?territoire=`): `<type>-<INSEE code>`, such as `departement-07`.
TERRITORY_KEY = r"^(?:region-\d{2}|departement-(?:\d{2,3}|2[AB])|commune-(?:\d{5}|2[AB]\d{3}))$"


class TerritoireSummary(Document):
    """What the API's territory searches and lists read of a territory (their `_source`)."""

    type: TerritoireType = Field(description="Kind of territory.")
    code: str = Field(description="INSEE code (COG 2024).")
    libelle: str = Field(description="Official name.")
    departement: CodeLabel | MISSING = Field(
        default=MISSING, description="A commune's département; absent otherwise."
    )
    region: CodeLabel | MISSING = Field(
        default=MISSING, description="Its région; absent for a région."
    )
    codes_postaux: list[str] | MISSING = Field(
        default=MISSING, description="A commune's postcodes, sorted; absent otherwise."
    )


class TerritoireDoc(TerritoireSummary):
    """A région, département or commune as indexed (id `<type>-<code>`)."""

    formes: list[str] = Field(
        description="Other spellings searched: 'St-' for 'Saint-', and a département's code."
    )

    @property
    def id(self) -> str:
        """Document id: its kind and code ("departement-07")."""
        return f"{self.type}-{self.code}"
