"""Response models of liveness and readiness."""

from typing import Any

from pydantic import BaseModel, Field

from search_api import examples
from search_api.common.schemas import example


class Health(BaseModel):
    """The API process serves (whatever its engine's state)."""

    model_config = example({"status": "ok"})

    status: str = Field(description="Always `ok`: an answer at all is the signal.")


class Ready(BaseModel):
    """The API can serve searches."""

    model_config = example({**examples.READY, "engine_status": "green", "engine_nodes": 1})

    status: str = Field(description="`ready`.")
    engine_status: str = Field(description="Elasticsearch cluster health colour (not red).")
    engine_nodes: int = Field(description="Nodes in the Elasticsearch cluster.")
    indices: dict[str, int] = Field(description="Documents per entity index.")
    embedding: dict[str, Any] = Field(description="Embedding contract shared by API and indices.")
    models: dict[str, dict[str, str]] = Field(
        description="Learned artefacts: `loaded` with version and training-data fingerprint, "
        "or `absent` with the ranking that serves instead."
    )
