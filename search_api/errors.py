"""One error hierarchy, rendered by one handler as application/problem+json.

Bodies never carry internal detail (engine addresses, index names, exception types): what
went wrong inside is logged here, and the caller reads a stable message in French and English.
"""

import logging
from http import HTTPStatus

from elasticsearch import ApiError as EngineApiError
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

log = logging.getLogger("metierscope.api")

PROBLEM = "application/problem+json"
RETRY_AFTER_SECONDS = 5  # an engine restart or a reindex swap is over in seconds
ENGINE_DOWN = (
    "Le moteur de recherche est momentanément indisponible ; réessayez dans quelques "
    "secondes. The search engine is temporarily unavailable; retry in a few seconds."
)
INTERNAL = "Erreur interne, signalée à l'exploitant. Internal error, reported to the operator."


class ApiError(Exception):
    """An error the API reports to its caller with a stable body.

    `detail` is what the caller reads; `reason`, what the logs read, is the detail itself
    unless the error keeps internals back.
    """

    status = 500
    title = "Internal error"
    retry_after: int | None = None

    def __init__(self, detail: str, reason: str | None = None) -> None:
        super().__init__(reason or detail)
        self.detail = detail
        self.reason = reason or detail


class NotFoundError(ApiError):
    """The requested code does not exist."""

    status = 404
    title = "Not found"


class InvalidInputError(ApiError):
    """A value the request schema lets through but the domain refuses (a 422, like the
    schema's own refusals, naming the field)."""

    status = 422
    title = "Invalid request"

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.errors = [{"field": field, "message": message}]


class EngineUnavailableError(ApiError):
    """Elasticsearch cannot be reached, did not answer in time, or has no index yet.

    The reason (which may name hosts, indices or engine internals) is logged, never sent:
    the caller reads the same generic message whatever the engine said.
    """

    status = 503
    title = "Search engine unavailable"
    retry_after = RETRY_AFTER_SECONDS

    def __init__(self, reason: str) -> None:
        super().__init__(ENGINE_DOWN, reason)


class ServiceBusyError(ApiError):
    """Every slot for CPU-heavy requests is taken and the queue is full."""

    status = 503
    title = "Service busy"
    retry_after = 2  # a heavy request takes about a second; by then slots have turned over


class HeavyRateLimitedError(ApiError):
    """One client address has spent its budget of CPU-heavy requests."""

    status = 429
    title = "Too Many Requests"

    def __init__(self, wait: int) -> None:
        super().__init__(
            "Trop d'analyses depuis votre adresse ; réessayez après le délai `Retry-After`. Too "
            "many analysis requests from your address; retry after `Retry-After` seconds."
        )
        self.retry_after = wait


def problem(
    status: int, title: str, detail: str, retry_after: int | None = None, **extra: object
) -> JSONResponse:
    """A problem+json response; `retry_after` seconds become the `Retry-After` header."""
    body = {"type": "about:blank", "title": title, "status": status, "detail": detail, **extra}
    headers = {"Retry-After": str(retry_after)} if retry_after is not None else None
    return JSONResponse(status_code=status, content=body, media_type=PROBLEM, headers=headers)


async def _render(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    if exc.status >= 500:
        log.warning("%s %s: %s: %s", request.method, request.url.path, exc.title, exc.reason)
    extra = {"errors": exc.errors} if isinstance(exc, InvalidInputError) else {}
    return problem(exc.status, exc.title, exc.detail, exc.retry_after, **extra)


async def _engine_refused(request: Request, exc: Exception) -> JSONResponse:
    """An engine answer no service mapped: overload or a failing node is a 503, anything
    else (a request the engine refuses) is our bug, a 500; neither body says more."""
    assert isinstance(exc, EngineApiError)
    if exc.meta.status == 429 or exc.meta.status >= 500:
        error = EngineUnavailableError(f"the engine answered {exc.meta.status}: {exc.message}")
        return await _render(request, error)
    log.error("%s %s: the engine refused a request", request.method, request.url.path, exc_info=exc)
    return problem(500, "Internal error", INTERNAL)


async def _invalid(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = [
        {"field": ".".join(str(p) for p in e["loc"][1:]) or str(e["loc"][0]), "message": e["msg"]}
        for e in exc.errors()
    ]
    detail = "; ".join(f"{e['field']}: {e['message']}" for e in errors)
    return problem(422, "Invalid request", detail, errors=errors)


async def _http(_: Request, exc: Exception) -> JSONResponse:
    """Routing answers (no such path, method not allowed, body too large) in the same format."""
    assert isinstance(exc, StarletteHTTPException)
    if exc.status_code == 400:  # a body that is not JSON: invalid input like any other (422)
        errors = [{"field": "body", "message": str(exc.detail)}]
        return problem(422, "Invalid request", f"body: {exc.detail}", errors=errors)
    response = problem(exc.status_code, HTTPStatus(exc.status_code).phrase, str(exc.detail))
    response.headers.update(exc.headers or {})
    return response


async def _unexpected(_: Request, __: Exception) -> JSONResponse:
    """A bug: the server logs its traceback (Starlette re-raises it); the body says nothing."""
    return problem(500, "Internal error", INTERNAL)


def install_error_handler(app: FastAPI) -> None:
    """Render every error the same way: ApiError, validation errors, anything unexpected."""
    app.add_exception_handler(ApiError, _render)
    app.add_exception_handler(EngineApiError, _engine_refused)
    app.add_exception_handler(RequestValidationError, _invalid)
    app.add_exception_handler(StarletteHTTPException, _http)
    app.add_exception_handler(Exception, _unexpected)
