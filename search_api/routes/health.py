"""Liveness and engine readiness."""

from elastic_transport import ConnectionError as TransportConnectionError
from elastic_transport import ConnectionTimeout
from fastapi import APIRouter

from mappings import ENTITIES, TERRITOIRES
from search_api.contract import ContractMismatchError, check_contract
from search_api.deps import Es, Service
from search_api.errors import EngineUnavailableError
from search_api.schemas import ERRORS, Health, Ready
from search_api.service import guarded

router = APIRouter(tags=["health"], responses={503: ERRORS[503]})


@router.get("/health")
async def get_health(es: Es) -> Health:
    """Report whether the API and its search engine are ready to serve."""
    try:
        health = await es.cluster.health()
    except (TransportConnectionError, ConnectionTimeout) as e:
        raise EngineUnavailableError(f"Elasticsearch did not answer: {e.message}") from e
    colour = str(health["status"])
    if colour == "red":
        raise EngineUnavailableError("Elasticsearch cluster health is red")
    return Health(status="ok", engine_status=colour, engine_nodes=int(health["number_of_nodes"]))


@router.get("/ready")
async def get_ready(service: Service) -> Ready:
    """Report whether the indices are present and embedded with the API's query encoder."""
    try:
        await check_contract(service.es, service.prefix, service.encoder.contract)
    except ContractMismatchError as e:
        raise EngineUnavailableError(str(e)) from e
    counts = {}
    for entity in (*ENTITIES, TERRITOIRES):
        response = await guarded(service.es.count(index=service.alias(entity)))
        counts[entity] = int(response["count"])
    return Ready(status="ready", indices=counts, embedding=service.encoder.contract.model_dump())
