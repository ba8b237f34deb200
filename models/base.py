"""Shared base and constrained types of the ROME 4.0 records."""

from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints

CodeRome = Annotated[str, StringConstraints(pattern=r"^[A-N]\d{4}$")]
"""A fiche code: grand domaine letter + 4 digits, e.g. M1805."""

CodeOgr = Annotated[str, StringConstraints(pattern=r"^\d+$")]
"""An OGR code: the numeric identifier France Travail gives every referential item."""

Code = Annotated[str, StringConstraints(min_length=1, pattern=r"^\S+$")]
"""A short non-empty code without spaces (domaine, secteur, thème…)."""

Label = Annotated[str, StringConstraints(min_length=1)]
"""A non-empty label, kept with its original spelling (’ or ', … or ...)."""


class RomeRecord(BaseModel):
    """Base of every record: immutable, unknown fields refused."""

    model_config = ConfigDict(frozen=True, extra="forbid")
