"""Index mappings as JSON files, expanded into complete create-index bodies.

Each `<entity>.json` holds `settings` and `mappings`; a field written `{"$ref": "label"}` takes
the template of that name from `fields.json`, so every label is analysed the same way. The
analysis settings come from `analyzers/`, the vector dimension and the embedding contract from
the embedder, recorded in the mapping `_meta`.
"""

import json
from pathlib import Path
from typing import Any

from analyzers import analysis_settings

HERE = Path(__file__).resolve().parent
ENTITIES = ("appellations", "fiches", "competences", "savoirs", "contextes")
"""The ROME indices, embedded with the query encoder's model."""
TERRITOIRES = "territoires"
"""French territories: no vectors, read from INSEE and La Poste files, not the ROME export."""
OFFRES = "offres"
"""Job offers: loaded incrementally by id into one lasting index, not rebuilt."""
SUGGESTIONS = "suggestions"
"""Autocomplete: one small companion index per suggested entity, rebuilt and swapped with it."""


def suggestions_of(entity: str) -> str:
    """The entity name of an entity's autocomplete index (`<prefix>-<entity>-suggest`)."""
    return f"{entity}-suggest"


def _load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((HERE / f"{name}.json").read_text(encoding="utf-8"))
    return {key: value for key, value in data.items() if not key.startswith("_")}


def _expand(node: object, templates: dict[str, Any], dims: int) -> object:
    if isinstance(node, dict):
        if set(node) == {"$ref"}:
            return _expand(templates[node["$ref"]], templates, dims)
        return {key: _expand(value, templates, dims) for key, value in node.items()}
    if isinstance(node, list):
        return [_expand(value, templates, dims) for value in node]
    return dims if node == "$dims" else node


def index_body(entity: str, *, dims: int, meta: dict[str, Any]) -> dict[str, Any]:
    """The create-index body (settings with analysis, mappings with `_meta`) of an entity."""
    if entity not in (*ENTITIES, TERRITOIRES, OFFRES, SUGGESTIONS):
        raise ValueError(f"unknown entity {entity!r}; expected one of {', '.join(ENTITIES)}")
    templates = _load("fields")
    body = _expand(_load(entity), templates, dims)
    assert isinstance(body, dict)
    body["settings"] = {**body.get("settings", {}), "analysis": analysis_settings()}
    body["mappings"]["_meta"] = meta
    return dict(body)
