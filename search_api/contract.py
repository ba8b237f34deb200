"""The API refuses to serve vectors from a model other than the one that indexed them."""

from typing import Any

from elastic_transport import ConnectionError as TransportConnectionError
from elastic_transport import ConnectionTimeout
from elasticsearch import AsyncElasticsearch, NotFoundError

from embeddings import EmbeddingContract
from mappings import ENTITIES
from search_api.errors import EngineUnavailableError


class ContractMismatchError(RuntimeError):
    """The indices were embedded with another model, dimension or normalisation."""


async def index_contracts(es: AsyncElasticsearch, prefix: str) -> dict[str, dict[str, Any]]:
    """Embedding contract recorded in each entity index's `_meta`."""
    try:
        mappings = await es.indices.get_mapping(index=",".join(f"{prefix}-{e}" for e in ENTITIES))
    except NotFoundError as e:
        raise EngineUnavailableError("indices missing: run `metierscope index`") from e
    except (TransportConnectionError, ConnectionTimeout) as e:
        raise EngineUnavailableError(f"Elasticsearch did not answer: {e.message}") from e
    out = {}
    for body in mappings.body.values():
        meta = body["mappings"].get("_meta", {})
        out[str(meta.get("entity"))] = dict(meta.get("embedding", {}))
    return out


async def check_contract(
    es: AsyncElasticsearch, prefix: str, contract: EmbeddingContract
) -> dict[str, dict[str, Any]]:
    """Raise ContractMismatchError if any index was embedded differently from `contract`."""
    found = await index_contracts(es, prefix)
    wanted = contract.model_dump()
    wrong = {entity: meta for entity, meta in found.items() if meta != wanted}
    if wrong:
        raise ContractMismatchError(
            f"query encoder {wanted} does not match the indices: {wrong}; "
            "reindex or configure METIERSCOPE_EMBEDDER to the indexing model"
        )
    return found
