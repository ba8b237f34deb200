"""Pure ASGI middleware: security headers, per-client rate limit, body size, request timeout.

Outermost first, as `install_middleware` stacks them: headers go on every answer, including
the refusals of the layers below; the cheapest refusal (rate) comes before any body is read.
"""

import asyncio
import logging
import time

from fastapi import FastAPI
from starlette.datastructures import Headers, MutableHeaders
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from search_api.errors import RETRY_AFTER_SECONDS, problem
from search_api.limits import RateLimiter
from search_api.settings import ApiSettings

log = logging.getLogger("metierscope.api")

# The web pages load only their own scripts, styles and images, and cannot be framed.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "frame-ancestors 'none'"
)
# Swagger UI and ReDoc (FastAPI's /docs, /redoc) load from a CDN and start with an inline
# script; they render only our own OpenAPI description (see SECURITY.md).
DOCS_CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
    "style-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net https://fonts.googleapis.com; "
    "img-src 'self' data: https://fastapi.tiangolo.com https://cdn.redoc.ly; "
    "font-src https://fonts.gstatic.com; worker-src blob:; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
}
NOT_LIMITED = frozenset({"/health"})  # liveness answers while the process serves, always
RATE_LIMITED = (
    "Trop de requêtes depuis votre adresse ; réessayez après le délai `Retry-After`. Too many "
    "requests from your address; retry after `Retry-After` seconds."
)
TIMED_OUT = (
    "La requête a pris trop de temps ; réessayez dans quelques secondes. The request took "
    "too long; retry in a few seconds."
)


def too_large(limit: int) -> str:
    """The 413 message."""
    return f"Le corps de la requête dépasse {limit} octets. The request body exceeds {limit} bytes."


class SecurityHeaders:
    """Content-Security-Policy, nosniff and Referrer-Policy on every response."""

    def __init__(self, app: ASGIApp, docs_paths: frozenset[str]) -> None:
        self.app = app
        self.docs_paths = docs_paths

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Add the headers to the response start, whoever sends it."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        policy = DOCS_CSP if scope["path"] in self.docs_paths else CSP

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers["Content-Security-Policy"] = policy
                headers.update(SECURITY_HEADERS)
            await send(message)

        await self.app(scope, receive, send_with_headers)


class RateLimit:
    """429 with `Retry-After` once a client address has spent its token bucket."""

    def __init__(self, app: ASGIApp, limiter: RateLimiter) -> None:
        self.app = app
        self.limiter = limiter

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Let the request through, or answer 429 without running it."""
        if scope["type"] == "http" and scope["path"] not in NOT_LIMITED:
            client = scope["client"][0] if scope.get("client") else ""
            wait = self.limiter.wait(client, time.monotonic())
            if wait:
                refusal = problem(429, "Too Many Requests", RATE_LIMITED, retry_after=wait)
                await refusal(scope, receive, send)
                return
        await self.app(scope, receive, send)


class BodyLimit:
    """413 for a body over `limit` bytes: announced (Content-Length) or streamed (chunked)."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Refuse an announced oversize body at once; stop a streamed one when it passes."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = Headers(scope=scope).get("content-length", "")
        if length.isdigit() and int(length) > self.limit:
            await problem(413, "Content Too Large", too_large(self.limit))(scope, receive, send)
            return
        received = 0

        async def counted_receive() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.limit:  # rendered by the error handler, like any HTTP error
                raise StarletteHTTPException(413, too_large(self.limit))
            return message

        await self.app(scope, counted_receive, send)


class RequestTimeout:
    """503 with `Retry-After` for a request still unanswered after `seconds`."""

    def __init__(self, app: ASGIApp, seconds: float) -> None:
        self.app = app
        self.seconds = seconds

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Run the request under a deadline; answer for it if it has not started answering."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def watched_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        deadline = asyncio.timeout(self.seconds)
        try:
            async with deadline:
                await self.app(scope, receive, watched_send)
        except TimeoutError:
            if not deadline.expired() or started:
                raise  # not our deadline, or too late to answer cleanly
            log.warning(
                "%s %s: no answer after %.0fs", scope["method"], scope["path"], self.seconds
            )
            refusal = problem(503, "Request timed out", TIMED_OUT, RETRY_AFTER_SECONDS)
            await refusal(scope, receive, send)


def install_middleware(app: FastAPI, config: ApiSettings) -> None:
    """Stack the middleware on the app, outermost last (Starlette wraps in reverse order)."""
    limiter = RateLimiter(
        config.rate_limit_per_second, config.rate_limit_burst, config.rate_limit_exempt
    )
    docs = {app.docs_url, app.redoc_url, app.swagger_ui_oauth2_redirect_url}
    app.add_middleware(RequestTimeout, seconds=config.request_timeout)
    app.add_middleware(BodyLimit, limit=config.max_body_bytes)
    app.add_middleware(RateLimit, limiter=limiter)
    app.add_middleware(SecurityHeaders, docs_paths=frozenset(p for p in docs if p))
