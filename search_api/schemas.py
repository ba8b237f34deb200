"""Response and request models of the API (one per role), every field described."""

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from search_api import examples


def example(value: examples.Example) -> ConfigDict:
    """Model config carrying one OpenAPI example."""
    return ConfigDict(json_schema_extra={"examples": [value]})


EntityType = Literal["appellation", "fiche", "competence", "savoir"]
Mode = Literal["hybrid", "lexical", "semantic"]


class FacetValue(BaseModel):
    """One value of a facet with its count under the other selections."""

    value: str = Field(description="Value to pass back as filter.")
    label: str = Field(description="Display label.")
    count: int = Field(description="Matching documents with this value.")
    selected: bool = Field(description="The value is part of the current filters.")


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


CodeLabel = dict[str, Any]


class Fiche(BaseModel):
    """A complete fiche métier or emploi."""

    model_config = example(examples.FICHE)

    code_rome: str = Field(description="ROME code.")
    libelle: str = Field(description="Title.")
    fiche_type: Literal["metier", "emploi"] = Field(description="Fiche métier or fiche emploi.")
    parent: CodeLabel = Field(description="Fiche métier above (itself for a métier).")
    enfants: list[CodeLabel] = Field(description="Fiches emploi attached to this métier.")
    appellations: list[dict[str, Any]] = Field(description="Job titles, PRINCIPALE first.")
    definition: str = Field(description="Définition, one sentence per line.")
    acces: str = Field(description="Accès au métier, one sentence per line.")
    competences: list[dict[str, Any]] = Field(
        description="Savoir-faire grouped by enjeu then macro-compétence, with coeur_metier flags."
    )
    savoirs_etre: list[dict[str, Any]] = Field(description="Savoirs-être professionnels.")
    savoirs: list[dict[str, Any]] = Field(description="Savoirs grouped by category/sub-category.")
    contextes: list[dict[str, Any]] = Field(description="Contextes de travail grouped by type.")
    secteurs: list[dict[str, Any]] = Field(description="Secteurs d'activité (principal first).")
    sous_secteurs: list[dict[str, Any]] = Field(description="Sous-secteurs d'activité.")
    secteurs_naf: list[dict[str, Any]] = Field(description="NAF sectors.")
    centres_interet: list[dict[str, Any]] = Field(description="Centres d'intérêt.")
    themes: list[dict[str, Any]] = Field(description="Thèmes.")
    grand_domaine: CodeLabel | None = Field(description="Grand domaine (A..N).")
    domaine_professionnel: CodeLabel | None = Field(description="Domaine professionnel.")
    riasec: dict[str, str | None] | None = Field(description="RIASEC majeur and mineur.")
    mobilites: list[dict[str, Any]] = Field(description="Official métiers proches, ranked.")
    transitions: list[str] = Field(description="Transition tags (écologique, numérique...).")
    emploi_reglemente: bool | None = Field(description="Regulated occupation.")
    emploi_cadre: bool | None = Field(description="Executive position.")


class CompetenceDetail(BaseModel):
    """A compétence with its tree path and the fiches that mobilise it."""

    model_config = example(examples.COMPETENCE)

    code_ogr: str = Field(description="OGR code.")
    libelle: str = Field(description="Label.")
    nature: str = Field(description="Compétence or Macro-compétence.")
    categorie: str = Field(description="Savoir-faire or Savoir-être professionnel.")
    sous_categorie: str | None = Field(description="Technique, Technique expert, Transverse.")
    definition: str | None = Field(description="Definition, when the export has one.")
    domaine: CodeLabel | None = Field(description="Domaine de compétences.")
    enjeu: CodeLabel | None = Field(description="Enjeu.")
    objectif: CodeLabel | None = Field(description="Objectif.")
    macro: dict[str, Any] | None = Field(description="Macro-compétence (itself for a macro).")
    riasec: dict[str, str | None] | None = Field(description="RIASEC profile of a macro.")
    transitions: list[str] = Field(description="Transition tags.")
    fiches: list[dict[str, Any]] = Field(description="Fiches using it, with coeur_metier.")
    fiche_count: int = Field(description="Number of fiches using it.")


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


class Ready(BaseModel):
    """The API can serve searches."""

    model_config = example(examples.READY)

    status: str = Field(description="`ready`.")
    indices: dict[str, int] = Field(description="Documents per entity index.")
    embedding: dict[str, Any] = Field(description="Embedding contract shared by API and indices.")


class CompetenceRef(BaseModel):
    """A macro-compétence named in a proximity."""

    code: str = Field(description="OGR code of the macro-compétence.")
    libelle: str = Field(description="Label.")


class Proche(BaseModel):
    """A métier close to the source fiche."""

    code_rome: str = Field(description="Target fiche.")
    libelle: str = Field(description="Label of the target fiche.")
    source: Literal["mobilite", "competences"] = Field(
        description="`mobilite`: an official ROME mobilité; `competences`: computed."
    )
    ordre: int | None = Field(description="Rank among the official mobilités, if any.")
    score: float = Field(description="Share of the target's macro-compétences the source has.")
    shared: list[CompetenceRef] = Field(description="Macro-compétences both fiches mobilise.")
    missing: list[CompetenceRef] = Field(description="Macro-compétences only the target needs.")


class ProchesResponse(BaseModel):
    """Métiers close to a fiche: official mobilités, then computed ones."""

    model_config = example(examples.PROCHES)

    code_rome: str = Field(description="Source fiche.")
    libelle: str = Field(description="Label of the source fiche.")
    proches: list[Proche] = Field(description="Official mobilités first (by ordre), then by score.")


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


CompetenceType = Literal["savoir-faire", "macro-compétence", "savoir-être professionnel", "savoir"]
MAX_TEXT = 5000  # characters: a page of experience; longer texts are CVs, cut them


class ExtractRequest(BaseModel):
    """What a person did, in their own words."""

    model_config = example(examples.EXTRACT_REQUEST)

    text: str = Field(min_length=1, max_length=MAX_TEXT, description="French text, any length.")
    threshold: float = Field(
        default=0.3, ge=0, le=1, description="Lowest calibrated score returned."
    )
    size: int = Field(default=20, ge=1, le=100, description="Compétences returned at most.")


class Evidence(BaseModel):
    """Words of the input that justify a compétence."""

    start: int = Field(description="Offset of the first character in the input.")
    end: int = Field(description="Offset after the last character.")
    text: str = Field(description="The words themselves: `text[start:end]` of the input.")


class ExtractedCompetence(BaseModel):
    """A compétence or savoir recognised in the text."""

    code: str = Field(description="OGR code.")
    libelle: str = Field(description="Label.")
    type: CompetenceType = Field(description="Kind of compétence.")
    score: float = Field(description="Calibrated confidence in [0, 1].")
    evidence: list[Evidence] = Field(description="Spans of the input behind it, in text order.")
    macro: CodeLabel | None = Field(description="Its macro-compétence (code, libelle).")
    enjeu: CodeLabel | None = Field(description="Its enjeu (code, libelle).")
    metier: CodeLabel | None = Field(
        description="When the text implies it rather than naming it: the fiche (code, libelle) "
        "the text describes that lists it; the evidence is then the words naming that métier."
    )


class ClauseInfo(BaseModel):
    """How one clause of the input was read."""

    start: int = Field(description="Offset of the clause in the input.")
    end: int = Field(description="Offset after the clause.")
    text: str = Field(description="The clause.")
    lemmas: list[str] = Field(description="Content lemmas searched.")
    ignored: str | None = Field(description="Why the clause was not searched, if it was not.")


class ExtractResponse(BaseModel):
    """Compétences recognised in a text, best first."""

    model_config = example(examples.EXTRACT)

    competences: list[ExtractedCompetence] = Field(description="Best first.")
    clauses: list[ClauseInfo] = Field(description="The clauses the text was cut into.")
    reason: str | None = Field(description="Why the list is empty, when it is.")


class MatchRequest(BaseModel):
    """A profile: compétence codes, or a text to extract them from (not both)."""

    model_config = example(examples.MATCH_REQUEST)

    competences: list[str] | None = Field(
        default=None,
        max_length=200,
        description="OGR codes of savoir-faire, macro-compétences or savoirs-être.",
    )
    text: str | None = Field(
        default=None, min_length=1, max_length=MAX_TEXT, description="What the person did."
    )
    filters: dict[str, list[str]] = Field(
        default_factory=dict, description="Facet selections, as in search (name -> values)."
    )
    size: int = Field(default=10, ge=1, le=50, description="Fiches returned.")

    @model_validator(mode="after")
    def _one_profile(self) -> "MatchRequest":
        if (self.competences is None) == (self.text is None):
            raise ValueError("give either `competences` or `text`")
        return self


class MacroCoverage(BaseModel):
    """A macro-compétence of a fiche, covered or missing."""

    code: str = Field(description="OGR code of the macro-compétence.")
    libelle: str = Field(description="Label.")
    coeur_metier: bool = Field(description="Core to the fiche.")


class MatchHit(BaseModel):
    """A fiche the profile opens."""

    code_rome: str = Field(description="ROME code.")
    libelle: str = Field(description="Title.")
    score: float = Field(description="F1 of coverage and fit, in [0, 1].")
    coverage: float = Field(description="Weighted share of the fiche's macros covered (core x2).")
    covered: list[MacroCoverage] = Field(description="Macros the person has, core first.")
    missing: list[MacroCoverage] = Field(description="Macros to acquire, core first.")


class MatchResponse(BaseModel):
    """Fiches ranked by how much of them the profile covers."""

    model_config = example(examples.MATCH)

    profile: list[CompetenceRef] = Field(description="Macro-compétences of the profile.")
    unknown: list[str] = Field(description="Codes given that are not ROME compétences.")
    total: int = Field(description="Fiches sharing at least one macro-compétence.")
    results: list[MatchHit] = Field(description="Best first.")
    facets: dict[str, list[FacetValue]] = Field(description="Facet counts, multi-select.")


class Health(BaseModel):
    """The API is up and its engine answers."""

    model_config = example(examples.HEALTH)

    status: str = Field(description="`ok` when the engine is green or yellow.")
    engine_status: str = Field(description="Elasticsearch cluster health colour.")
    engine_nodes: int = Field(description="Nodes in the Elasticsearch cluster.")


class Problem(BaseModel):
    """Every error: RFC 9457 problem details."""

    model_config = example(examples.INVALID)

    type: str = Field(description="Always `about:blank`: the status says it all.")
    title: str = Field(description="Short summary of the status.")
    status: int = Field(description="HTTP status code.")
    detail: str = Field(description="What went wrong, for a human.")
    errors: list[dict[str, str]] | None = Field(
        default=None, description="422 only: each invalid `field` with its `message`."
    )


def _problem(description: str, body: examples.Example) -> dict[str, Any]:
    return {
        "model": Problem,
        "description": description,
        "content": {"application/problem+json": {"example": body}},
    }


ERRORS: dict[int | str, dict[str, Any]] = {
    422: _problem(
        "A parameter or the body is invalid; `errors` names each field.", examples.INVALID
    ),
    503: _problem(
        "Elasticsearch is unreachable or not indexed; retry after `Retry-After`.",
        examples.UNAVAILABLE,
    ),
}
NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: _problem("No record with this code.", examples.NOT_FOUND)
}


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
    salaire: dict[str, Any] | None = Field(
        default=None, description="Monthly gross range in euros (min, max, periode published)."
    )
    score: float = Field(description="Relevance (0 when listing by date).")
    highlight: str | None = Field(default=None, description="Title with matched words.")


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
    semaines: list[WeekCount] = Field(description="Weekly trend, last 12 weeks.")


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
