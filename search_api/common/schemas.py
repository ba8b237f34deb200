"""Schemas every feature's HTTP part shares: facet values, problem details, error responses."""

from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, Strict, StringConstraints

from search_api import examples

CodeLabel = dict[str, Any]
# One line of text: trimmed, no control character (no newline, tab or NUL).
Line = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^[^\x00-\x1f\x7f]*$")]


def _json_number(value: object) -> object:
    """JSON numbers only: `true` and `"5"` are mistakes to report, not values to guess."""
    if isinstance(value, bool | str):
        raise ValueError("must be a JSON number")  # noqa: TRY004 (pydantic wants ValueError)
    return value


def _json_integer(value: object) -> object:
    """A JSON integer, which JSON Schema lets be written 100.0."""
    value = _json_number(value)
    return int(value) if isinstance(value, float) and value.is_integer() else value


# Body numbers as JSON Schema reads them: no coercion from booleans or strings.
JsonInt = Annotated[int, BeforeValidator(_json_integer), Strict()]
JsonFloat = Annotated[float, BeforeValidator(_json_number)]


def example(value: examples.Example) -> ConfigDict:
    """Model config carrying one OpenAPI example."""
    return ConfigDict(json_schema_extra={"examples": [value]})


class FacetValue(BaseModel):
    """One value of a facet with its count under the other selections."""

    model_config = ConfigDict(from_attributes=True)

    value: str = Field(description="Value to pass back as filter.")
    label: str = Field(description="Display label.")
    count: int = Field(description="Matching documents with this value.")
    selected: bool = Field(description="The value is part of the current filters.")


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


def value_list(counts: list[Any]) -> list[FacetValue]:
    """HTTP facet values of a list of the domain's `FacetCount`."""
    return [FacetValue.model_validate(c) for c in counts]


def facet_values(counts: dict[str, list[Any]]) -> dict[str, list[FacetValue]]:
    """HTTP facet values of the domain's facet counts, by facet."""
    return {name: value_list(values) for name, values in counts.items()}
