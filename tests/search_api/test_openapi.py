"""The OpenAPI description: every endpoint documented with examples that really work."""

import re
from typing import Any

import pytest
from fastapi.testclient import TestClient
from pydantic import BaseModel

from search_api.browse import schemas as browse
from search_api.common import schemas as common
from search_api.health import schemas as health
from search_api.offres import schemas as offres
from search_api.profile import schemas as profile
from search_api.records import schemas as records
from search_api.search import schemas as search
from search_api.territoires import schemas as territoires

SCHEMAS = (browse, common, health, offres, profile, records, search, territoires)

METHODS = {"get", "post"}


@pytest.fixture(scope="module")
def spec(api: TestClient) -> dict[str, Any]:
    response = api.get("/openapi.json")
    assert response.status_code == 200
    spec: dict[str, Any] = response.json()
    return spec


def operations(spec: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (path, method, op)
        for path, item in spec["paths"].items()
        for method, op in item.items()
        if method in METHODS
    ]


def resolve(spec: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    ref = schema.get("$ref")
    if ref is None:
        return schema
    resolved: dict[str, Any] = spec["components"]["schemas"][ref.rsplit("/", 1)[-1]]
    return resolved


def has_example(spec: dict[str, Any], content: dict[str, Any]) -> bool:
    if "example" in content or "examples" in content:
        return True
    schema = resolve(spec, content.get("schema", {}))
    if schema.get("type") == "array":
        schema = resolve(spec, schema["items"])
    alternatives = schema.get("anyOf") or schema.get("oneOf")
    if alternatives:  # a body of several shapes: each one has its example
        return all(has_example(spec, {"schema": a}) for a in alternatives)
    return bool(schema.get("examples"))


def body_examples(spec: dict[str, Any], schema: dict[str, Any]) -> list[Any]:
    schema = resolve(spec, schema)
    alternatives = schema.get("anyOf") or schema.get("oneOf")
    if alternatives:
        return [e for a in alternatives for e in body_examples(spec, a)]
    return [schema["examples"][0]]


def test_every_operation_has_a_success_example_and_problem_responses(spec):
    assert len(operations(spec)) >= 14
    for path, method, op in operations(spec):
        ok = op["responses"]["200"]["content"]["application/json"]
        assert has_example(spec, ok), f"{method.upper()} {path}: no response example"
        if path.startswith("/v1"):
            for status in ("422", "503"):
                problem = op["responses"][status]["content"]["application/problem+json"]
                assert problem.get("example"), f"{method.upper()} {path}: no {status} example"


def test_every_parameter_and_body_has_an_example(spec):
    for path, method, op in operations(spec):
        for param in op.get("parameters", []):
            documented = param.get("example") or param.get("examples")
            documented = documented or param["schema"].get("examples")
            assert documented, f"{method.upper()} {path}: parameter {param['name']}"
        if "requestBody" in op:
            content = op["requestBody"]["content"]["application/json"]
            assert has_example(spec, content), f"{method.upper()} {path}: body"


def test_model_examples_are_valid_instances():
    models = [
        m
        for module in SCHEMAS
        for m in vars(module).values()
        if isinstance(m, type) and issubclass(m, BaseModel) and m is not BaseModel
    ]
    checked = 0
    for model in models:
        extra = model.model_config.get("json_schema_extra")
        found = extra.get("examples", []) if isinstance(extra, dict) else []
        for example in found if isinstance(found, list) else []:
            model.model_validate(example)
            checked += 1
    assert checked >= 15


def first_example(param: dict[str, Any]) -> Any:
    if "example" in param:
        return param["example"]
    examples = param.get("examples") or param["schema"].get("examples")
    if isinstance(examples, dict):
        return next(iter(examples.values()))["value"]
    return examples[0]


def test_documented_examples_answer_200_on_the_index(spec, api):
    """Each GET called with its example parameters, each POST with its example body."""
    for path, method, op in operations(spec):
        params = {p["name"]: first_example(p) for p in op.get("parameters", [])}
        url = path
        for name in re.findall(r"{(\w+)}", path):
            url = url.replace(f"{{{name}}}", str(params.pop(name)))
        if method == "get":
            response = api.get(url, params=params)
        else:
            content = op["requestBody"]["content"]["application/json"]
            for body in body_examples(spec, content["schema"]):
                response = api.post(url, json=body)
                assert response.status_code == 200, f"POST {url}: {response.text[:300]}"
            continue
        assert response.status_code == 200, f"{method.upper()} {url}: {response.text[:300]}"
