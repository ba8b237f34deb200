"""Request and response models of the offers and market routes."""

from typing import Literal

from pydantic import BaseModel, Field

from models.offres import OffreSummary, Salaire
from models.refs import CodeLabel, given
from search_api import examples
from search_api.common.fusion import Mode
from search_api.common.schemas import FacetValue, example


class OffreHit(BaseModel):
    """A job offer found, with its resolved territory and fiche."""

    model_config = example(examples.OFFRE)

    id: str = Field(description="France Travail offer id.")
    intitule: str = Field(description="Title as published.")
    date_creation: str | None = Field(default=None, description="Publication date.")
    type_contrat: str | None = Field(default=None, description="CDI, CDD, MIS, SAI...")
    commune: CodeLabel | None = Field(default=None, description="Resolved commune.")
    departement: CodeLabel | None = Field(default=None, description="Resolved département.")
    region: CodeLabel | None = Field(default=None, description="Resolved région.")
    fiche: CodeLabel | None = Field(default=None, description="Its ROME fiche.")
    parent: CodeLabel | None = Field(default=None, description="The fiche métier above it.")
    appellation: CodeLabel | None = Field(default=None, description="Matched appellation.")
    salaire: Salaire | None = Field(
        default=None, description="Monthly gross range in euros (min, max, periode published)."
    )
    score: float = Field(description="Relevance (0 when listing by date).")
    highlight: str | None = Field(default=None, description="Title with matched words.")

    @classmethod
    def of(cls, doc: OffreSummary, score: float, highlight: str | None) -> "OffreHit":
        """The response of an offer found (keys its document lacks become null)."""
        return cls(
            id=doc.id,
            intitule=doc.intitule,
            date_creation=doc.date_creation,
            type_contrat=doc.type_contrat,
            commune=given(doc.commune),
            departement=given(doc.departement),
            region=given(doc.region),
            fiche=given(doc.fiche),
            parent=given(doc.parent),
            appellation=given(doc.appellation),
            salaire=given(doc.salaire),
            score=score,
            highlight=highlight,
        )


class OffresResponse(BaseModel):
    """Job offers matching a query and filters, with multi-select facets."""

    model_config = example(examples.OFFRES)

    query: str = Field(description="The query as received (empty: newest first).")
    mode: Mode = Field(description="Retrieval mode used.")
    total: int = Field(description="Offers matching.")
    results: list[OffreHit] = Field(description="The requested page.")
    facets: dict[str, list[FacetValue]] = Field(description="Facet counts, multi-select.")


class SalaryQuartiles(BaseModel):
    """Quartiles of the monthly salary (middle of each published range), euros gross."""

    p25: float | None = Field(description="First quartile.")
    p50: float | None = Field(description="Median.")
    p75: float | None = Field(description="Third quartile.")
    offres: int = Field(description="Offers with a parsed salary.")


class WeekCount(BaseModel):
    """Offers published in one week."""

    semaine: str = Field(description="Monday of the week (YYYY-MM-DD).")
    offres: int = Field(description="Offers created that week.")


class MarketFigures(BaseModel):
    """Labour-market figures of a fiche over a set of offers."""

    model_config = example(examples.MARKET_FIGURES)

    offres: int = Field(description="Offers.")
    contrats: list[FacetValue] = Field(description="Offers per contract type.")
    salaire_mensuel: SalaryQuartiles = Field(description="Monthly salary quartiles.")
    secteurs: list[FacetValue] = Field(description="Top secteurs d'activité (NAF division).")
    semaines: list[WeekCount] = Field(
        description="Weekly trend: the 12 weeks up to today, or up to the newest offer of a sample."
    )


class MarcheResponse(BaseModel):
    """A fiche's job market in a territory, next to the national figures."""

    model_config = example(examples.MARCHE)

    code_rome: str = Field(description="The fiche.")
    libelle: str = Field(description="Its title.")
    territoire: dict[str, str] | None = Field(
        description="The territory asked (type, code, libelle)."
    )
    local: MarketFigures | None = Field(description="Figures in the territory, if one was asked.")
    national: MarketFigures = Field(description="The same figures for all of France.")
    source: Literal["sample", "live"] = Field(
        default="live",
        description="`sample`: the offers are the sample of real, dated offers loaded on a "
        "machine without live ones, and the weekly trend ends on its newest offer; `live`: "
        "offers loaded from France Travail, the trend ends today.",
    )
