"""One error hierarchy, rendered by one handler as application/problem+json."""

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse


class ApiError(Exception):
    """An error the API reports to its caller with a stable body."""

    status = 500
    title = "Internal error"

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


class EngineUnavailableError(ApiError):
    """Elasticsearch cannot be reached or did not answer in time."""

    status = 503
    title = "Search engine unavailable"


async def _render(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    return JSONResponse(
        status_code=exc.status,
        content={
            "type": "about:blank",
            "title": exc.title,
            "status": exc.status,
            "detail": exc.detail,
        },
        media_type="application/problem+json",
    )


def install_error_handler(app: FastAPI) -> None:
    """Render every ApiError the same way."""
    app.add_exception_handler(ApiError, _render)
