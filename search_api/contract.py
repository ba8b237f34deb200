"""The API refuses to serve vectors from a model other than the one that indexed them."""

from typing import Any

from embeddings import EmbeddingContract
from mappings import ENTITIES
from search_api.common.engine import Engine, guarded


class ContractMismatchError(RuntimeError):
    """The indices were embedded with another model, dimension or normalisation."""


async def index_contracts(engine: Engine) -> dict[str, dict[str, Any]]:
    """Embedding contract recorded in each entity index's `_meta`."""
    mappings = await guarded(engine.es.indices.get_mapping(index=engine.alias(*ENTITIES)))
    out = {}
    for body in mappings.body.values():
        meta = body["mappings"].get("_meta", {})
        out[str(meta.get("entity"))] = dict(meta.get("embedding", {}))
    return out


async def check_contract(engine: Engine, contract: EmbeddingContract) -> dict[str, dict[str, Any]]:
    """Raise ContractMismatchError if any index was embedded differently from `contract`."""
    found = await index_contracts(engine)
    wanted = contract.model_dump()
    wrong = {entity: meta for entity, meta in found.items() if meta != wanted}
    if wrong:
        raise ContractMismatchError(
            f"query encoder {wanted} does not match the indices: {wrong}; "
            "reindex or configure METIERSCOPE_EMBEDDER to the indexing model"
        )
    return found
