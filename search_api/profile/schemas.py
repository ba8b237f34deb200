"""Request and response models of "ce que j'ai fait" and of matching."""

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from search_api import examples
from search_api.common.schemas import CodeLabel, FacetValue, JsonFloat, JsonInt, Line, example
from search_api.profile.extraction import FUSED_THRESHOLD
from search_api.profile.learned import THRESHOLD
from search_api.records.schemas import CompetenceRef

CompetenceType = Literal["savoir-faire", "macro-compétence", "savoir-être professionnel", "savoir"]
MAX_TEXT = 5000  # characters: a page of experience; longer texts are CVs, cut them
MAX_TITLE = 150  # characters: a job title, as on an ad or a CV line
TITLE_DESCRIPTION = (
    'The job title, if known ("Employée de libre-service"): the learned models read it to '
    "recognise the métier (right fiche first for 0.69 of training ads with their title, 0.48 "
    "from the text alone). Absent, empty or with no word in it (signs, digits, an H/F marker): "
    "the text alone; the unlearned fallback ignores it."
)


class ExtractRequest(BaseModel):
    """What a person did, in their own words."""

    model_config = example(examples.EXTRACT_REQUEST)

    text: str = Field(min_length=1, max_length=MAX_TEXT, description="French text, any length.")
    title: Line | None = Field(default=None, max_length=MAX_TITLE, description=TITLE_DESCRIPTION)
    threshold: JsonFloat | None = Field(
        default=None,
        ge=0,
        le=1,
        description="Lowest score returned. Default: the serving model's, "
        f"{THRESHOLD} for the learned ranker (whose scores are probabilities that a recruiter "
        f"would label the compétence), {FUSED_THRESHOLD} for the unlearned fallback.",
    )
    size: JsonInt = Field(default=20, ge=1, le=100, description="Compétences returned at most.")


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
    score: float = Field(
        description="Calibrated confidence in [0, 1]: with the learned models, the probability "
        "that a recruiter hiring for the métier would label this compétence."
    )
    evidence: list[Evidence] = Field(
        description="Spans of the input behind it, in text order: the words of its label, or "
        "for a compétence implied by the métier the words naming the métier (possibly none)."
    )
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


class _MatchOptions(BaseModel):
    model_config = ConfigDict(extra="forbid")  # a profile is codes or a text, never both

    filters: dict[str, list[str]] = Field(
        default_factory=dict, description="Facet selections, as in search (name -> values)."
    )
    size: JsonInt = Field(default=10, ge=1, le=50, description="Fiches returned.")


class MatchByCodes(_MatchOptions):
    """A profile given as compétence codes."""

    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [examples.MATCH_REQUEST]}
    )

    competences: list[str] = Field(
        max_length=200,
        description="OGR codes of savoir-faire, macro-compétences or savoirs-être.",
    )


class MatchByText(_MatchOptions):
    """A profile to extract from what the person did."""

    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [examples.MATCH_TEXT_REQUEST]}
    )

    text: str = Field(min_length=1, max_length=MAX_TEXT, description="What the person did.")
    title: Line | None = Field(default=None, max_length=MAX_TITLE, description=TITLE_DESCRIPTION)


MatchRequest = MatchByCodes | MatchByText  # exactly one of `competences` or `text`


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
