"""The documents of the offres index: a France Travail offer as published (`source`) with
what MétierScope resolved of it.

A key a resolution did not produce is absent, not null: an offer whose place was not found has
no `commune`, `departement`, `region` nor `localisation`; one whose place resolved to a
département only has `"commune": null`. Fields typed `| MISSING` keep that difference.
"""

from typing import Any, Literal

from pydantic import MISSING, Field

from models.refs import CodeLabel, Document


class Salaire(Document):
    """The published salary as a gross monthly range in euros."""

    min: float = Field(description="Lowest monthly pay.")
    max: float = Field(description="Highest monthly pay.")
    mensuel: float = Field(description="Middle of the range, what market quartiles use.")
    periode: Literal["horaire", "mensuel", "annuel"] = Field(description="Period as published.")


class OffreSummary(Document):
    """What the API's offer searches read of an offer (their `_source`)."""

    id: str = Field(description="France Travail offer id, the document id.")
    intitule: str = Field(description="Title as published.")
    date_creation: str | None = Field(description="Publication date-time (ISO), if valid.")
    type_contrat: str | None = Field(description="CDI, CDD, MIS, SAI...")
    commune: CodeLabel | MISSING | None = Field(
        default=MISSING,
        description="Resolved commune; null when only the département is known.",
    )
    departement: CodeLabel | MISSING = Field(default=MISSING, description="Resolved département.")
    region: CodeLabel | MISSING = Field(default=MISSING, description="Resolved région.")
    fiche: CodeLabel | MISSING = Field(default=MISSING, description="Its ROME fiche.")
    parent: CodeLabel | MISSING = Field(default=MISSING, description="The fiche métier above.")
    appellation: CodeLabel | MISSING = Field(
        default=MISSING, description="The appellation its label matches."
    )
    salaire: Salaire | MISSING = Field(
        default=MISSING, description="Monthly range, when the salary text could be read."
    )


class OffreDoc(OffreSummary):
    """An offer as indexed."""

    description: str = Field(description="Description as published (empty if none).")
    date_actualisation: str | None = Field(description="Last update date-time (ISO), if valid.")
    type_contrat_libelle: str | None = Field(description="Contract label as published.")
    secteur: CodeLabel | None = Field(description="Secteur d'activité (NAF division).")
    competences: list[str] = Field(description="OGR codes of the compétences it asks for.")
    localisation: Literal["commune", "code_postal", "libelle"] | MISSING = Field(
        default=MISSING, description="How the place was resolved; absent if it was not."
    )
    source: dict[str, Any] = Field(description="The offer as published (stored, not indexed).")
