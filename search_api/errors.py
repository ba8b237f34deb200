"""One error hierarchy, rendered by one handler as application/problem+json."""

from http import HTTPStatus

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

PROBLEM = "application/problem+json"
RETRY_AFTER_SECONDS = "5"


class ApiError(Exception):
    """An error the API reports to its caller with a stable body."""

    status = 500
    title = "Internal error"

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


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
    """Elasticsearch cannot be reached, did not answer in time, or has no index yet."""

    status = 503
    title = "Search engine unavailable"


def _problem(status: int, title: str, detail: str, **extra: object) -> JSONResponse:
    body = {"type": "about:blank", "title": title, "status": status, "detail": detail, **extra}
    headers = {"Retry-After": RETRY_AFTER_SECONDS} if status == 503 else None
    return JSONResponse(status_code=status, content=body, media_type=PROBLEM, headers=headers)


async def _render(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    if isinstance(exc, InvalidInputError):
        return _problem(exc.status, exc.title, exc.detail, errors=exc.errors)
    return _problem(exc.status, exc.title, exc.detail)


async def _invalid(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = [
        {"field": ".".join(str(p) for p in e["loc"][1:]) or str(e["loc"][0]), "message": e["msg"]}
        for e in exc.errors()
    ]
    detail = "; ".join(f"{e['field']}: {e['message']}" for e in errors)
    return _problem(422, "Invalid request", detail, errors=errors)


async def _http(_: Request, exc: Exception) -> JSONResponse:
    """Routing answers (no such path, method not allowed) in the same problem format."""
    assert isinstance(exc, StarletteHTTPException)
    if exc.status_code == 400:  # a body that is not JSON: invalid input like any other (422)
        errors = [{"field": "body", "message": str(exc.detail)}]
        return _problem(422, "Invalid request", f"body: {exc.detail}", errors=errors)
    response = _problem(exc.status_code, HTTPStatus(exc.status_code).phrase, str(exc.detail))
    response.headers.update(exc.headers or {})
    return response


async def _unexpected(_: Request, exc: Exception) -> JSONResponse:
    return _problem(500, "Internal error", f"unexpected {type(exc).__name__}")


def install_error_handler(app: FastAPI) -> None:
    """Render every error the same way: ApiError, validation errors, anything unexpected."""
    app.add_exception_handler(ApiError, _render)
    app.add_exception_handler(RequestValidationError, _invalid)
    app.add_exception_handler(StarletteHTTPException, _http)
    app.add_exception_handler(Exception, _unexpected)
