"""Liveness and engine readiness."""

from fastapi import APIRouter

from mappings import ENTITIES, TERRITOIRES
from search_api.common.schemas import ERRORS
from search_api.contract import ContractMismatchError, check_contract
from search_api.deps import Encoder, EngineDep, Models
from search_api.errors import EngineUnavailableError
from search_api.health.schemas import Health, Ready

router = APIRouter(tags=["health"], responses={503: ERRORS[503]})


@router.get("/health")
async def get_health(engine: EngineDep) -> Health:
    """Report whether the API and its search engine are ready to serve."""
    colour, nodes = await engine.health()
    if colour == "red":
        raise EngineUnavailableError("Elasticsearch cluster health is red")
    return Health(status="ok", engine_status=colour, engine_nodes=nodes)


@router.get("/ready")
async def get_ready(engine: EngineDep, encoder: Encoder, models: Models) -> Ready:
    """Report whether the indices are present and embedded with the API's query encoder."""
    try:
        await check_contract(engine, encoder.contract)
    except ContractMismatchError as e:
        raise EngineUnavailableError(str(e)) from e
    counts = {entity: await engine.count(entity) for entity in (*ENTITIES, TERRITOIRES)}
    return Ready(
        status="ready", indices=counts, embedding=encoder.contract.model_dump(), models=models
    )
