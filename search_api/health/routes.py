"""Liveness (the process serves) and readiness (the engine and its indices can serve)."""

from fastapi import APIRouter

from mappings import ENTITIES, TERRITOIRES
from search_api.common.schemas import ERRORS
from search_api.contract import ContractMismatchError, check_contract
from search_api.deps import Encoder, EngineDep, Models
from search_api.errors import EngineUnavailableError
from search_api.health.schemas import Health, Ready

router = APIRouter(tags=["health"])


@router.get("/health")
async def get_health() -> Health:
    """Liveness: answers while the process serves, whatever the engine's state."""
    return Health(status="ok")


@router.get("/ready", responses={503: ERRORS[503]})
async def get_ready(engine: EngineDep, encoder: Encoder, models: Models) -> Ready:
    """Readiness: the engine answers, and the indices exist, embedded with the API's encoder."""
    colour, nodes = await engine.health()
    if colour == "red":
        raise EngineUnavailableError("Elasticsearch cluster health is red")
    try:
        await check_contract(engine, encoder.contract)
    except ContractMismatchError as e:
        raise EngineUnavailableError(str(e)) from e
    counts = {entity: await engine.count(entity) for entity in (*ENTITIES, TERRITOIRES)}
    return Ready(
        status="ready",
        engine_status=colour,
        engine_nodes=nodes,
        indices=counts,
        embedding=encoder.contract.model_dump(),
        models=models,
    )
