"""Page routes render their errors as pages: a wrong code, a bad parameter or the engine away
is a French HTML page with the right status, not the API's problem+json."""

from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute

from search_api.errors import ApiError, EngineUnavailableError, NotFoundError
from search_api.web.templating import render

TITLES = {
    404: "Page introuvable",
    422: "Demande invalide",
    429: "Trop de demandes",
    503: "Service momentanément indisponible",
}
MESSAGES = {
    404: "Cette page n’existe pas, ou ce code ne correspond à aucune fiche.",
    422: "L’adresse contient un paramètre invalide.",
    429: "Vous avez lancé beaucoup d’analyses en peu de temps. Patientez quelques secondes.",
    503: "Le moteur de recherche ne répond pas. Réessayez dans quelques instants.",
}


def error_page(
    request: Request, status: int, detail: str, retry_after: int | None = None
) -> Response:
    """The error page of a status, with the detail the service gave and, for a refusal that
    passes, when to retry."""
    context = {"title": TITLES[status], "message": MESSAGES[status], "detail": detail}
    response = render(request, "error.html", context, status)
    if retry_after is not None:
        response.headers["Retry-After"] = str(retry_after)
    return response


class PageRoute(APIRoute):
    """A route whose known errors become error pages (404, 422, 503)."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        """The route's handler, wrapped."""
        handler = super().get_route_handler()

        async def page(request: Request) -> Response:
            try:
                return await handler(request)
            except RequestValidationError as e:
                fields = ", ".join(str(err["loc"][-1]) for err in e.errors())
                return error_page(request, 422, f"paramètre invalide : {fields}")
            except NotFoundError as e:
                return error_page(request, 404, e.detail)
            except EngineUnavailableError as e:
                return error_page(request, e.status, e.detail, e.retry_after)
            except ApiError as e:
                if e.status == 422:
                    return error_page(request, 422, e.detail)
                raise

        return page


def page_router() -> APIRouter:
    """A router of pages: HTML errors, left out of the OpenAPI document."""
    return APIRouter(route_class=PageRoute, include_in_schema=False)
