"""Response models of liveness and readiness."""

from typing import Any

from pydantic import BaseModel, Field

from search_api import examples
from search_api.common.schemas import example


class Health(BaseModel):
    """The API is up and its engine answers."""

    model_config = example(examples.HEALTH)

    status: str = Field(description="`ok` when the engine is green or yellow.")
    engine_status: str = Field(description="Elasticsearch cluster health colour.")
    engine_nodes: int = Field(description="Nodes in the Elasticsearch cluster.")


class Ready(BaseModel):
    """The API can serve searches."""

    model_config = example(examples.READY)

    status: str = Field(description="`ready`.")
    indices: dict[str, int] = Field(description="Documents per entity index.")
    embedding: dict[str, Any] = Field(description="Embedding contract shared by API and indices.")
    models: dict[str, dict[str, str]] = Field(
        description="Learned artefacts: `loaded` with version and training-data fingerprint, "
        "or `absent` with the ranking that serves instead."
    )
