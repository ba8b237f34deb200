"""The journey's per-app state (the checked link catalogue, the indicators) and the
dependencies handing it to routes."""

from typing import Annotated

from fastapi import Depends, FastAPI, Request

from search_api.journey.actions import Catalogue, load_catalogue
from search_api.journey.metrics import JourneyMetrics, RequestMetrics, metrics_of


def install_journey(app: FastAPI) -> None:
    """Load and check the link catalogue, create the indicators, and time every request.
    Call it after the other middleware: added last, the timing wraps them all, so refusals
    (rate limit, body size, timeout) are counted too."""
    app.state.actions = load_catalogue()
    app.state.metrics = JourneyMetrics()
    app.add_middleware(RequestMetrics, metrics=app.state.metrics)


async def _catalogue(request: Request) -> Catalogue:
    catalogue: Catalogue = request.app.state.actions
    return catalogue


async def _metrics(request: Request) -> JourneyMetrics:
    return metrics_of(request)


# Coroutines: FastAPI runs a plain function dependency in its thread pool.
Actions = Annotated[Catalogue, Depends(_catalogue)]
Metrics = Annotated[JourneyMetrics, Depends(_metrics)]
