"""Response models of the search box, the appellation lookup and autocomplete."""

from pydantic import BaseModel, Field

from search_api import examples
from search_api.common.fusion import Mode
from search_api.common.schemas import FacetValue, example
from search_api.search.hits import EntityType


class SearchHit(BaseModel):
    """One result of the search box."""

    type: EntityType = Field(description="Kind of record.")
    code: str = Field(description="code_ogr (appellation, compétence, savoir) or code ROME.")
    libelle: str = Field(description="Label.")
    score: float = Field(description="Relevance (BM25, cosine or fused rank score by mode).")
    highlight: str | None = Field(description="Label with matched words in <em>, lexical only.")
    code_rome: str | None = Field(default=None, description="Appellation: its fiche.")
    code_rome_parent: str | None = Field(default=None, description="Appellation: its fiche métier.")
    libelle_rome: str | None = Field(default=None, description="Appellation: label of its fiche.")
    classification: str | None = Field(
        default=None, description="Appellation: PRINCIPALE or SYNONYME."
    )
    offres: int | None = Field(
        default=None, description="With region/departement: job offers of its fiche there."
    )


class SearchResponse(BaseModel):
    """Results of one search, with facets."""

    model_config = example(examples.SEARCH)

    query: str = Field(description="The query as received.")
    mode: Mode = Field(description="Retrieval mode used.")
    total: int = Field(description="Matching documents (lexical leg; kNN hits in semantic mode).")
    results: list[SearchHit] = Field(description="The requested page of results.")
    facets: dict[str, list[FacetValue]] = Field(description="Facet counts, multi-select.")


class AppellationHit(BaseModel):
    """The conseiller's lookup result."""

    code: str = Field(description="code_ogr of the appellation.")
    libelle: str = Field(description="Long label.")
    code_rome: str = Field(description="Fiche of the appellation.")
    code_rome_parent: str = Field(description="Fiche métier above it.")
    libelle_rome: str = Field(description="Label of the fiche.")
    classification: str = Field(description="PRINCIPALE or SYNONYME.")
    score: float = Field(description="Relevance.")
    highlight: str | None = Field(description="Label with matched words in <em>.")


class AppellationResponse(BaseModel):
    """Appellations matching a lookup."""

    model_config = example(examples.APPELLATIONS)

    query: str = Field(description="The query as received.")
    mode: Mode = Field(description="Retrieval mode used.")
    results: list[AppellationHit] = Field(description="Best appellations first.")


class Suggestion(BaseModel):
    """One as-you-type suggestion."""

    type: EntityType = Field(description="Kind of record.")
    code: str = Field(description="Code of the record.")
    libelle: str = Field(description="Label.")
    highlight: str | None = Field(description="Label with the typed prefixes in <em>.")
    code_rome: str | None = Field(default=None, description="Appellation: its fiche.")


class AutocompleteResponse(BaseModel):
    """Suggestions for the characters typed so far."""

    model_config = example(examples.AUTOCOMPLETE)

    query: str = Field(description="The characters typed.")
    suggestions: list[Suggestion] = Field(description="Best first.")


class ItemHit(BaseModel):
    """A compétence or savoir found by search."""

    code: str = Field(description="OGR code.")
    libelle: str = Field(description="Label.")
    score: float = Field(description="Relevance.")
    highlight: str | None = Field(description="Label with matched words in <em>.")


class ItemSearchResponse(BaseModel):
    """Compétences or savoirs matching a query."""

    model_config = example(examples.ITEMS)

    query: str = Field(description="The query as received.")
    mode: Mode = Field(description="Retrieval mode used.")
    results: list[ItemHit] = Field(description="Best first.")
