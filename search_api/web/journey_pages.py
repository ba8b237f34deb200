"""What the journey's pages share beyond the other pages: a busy analysis or a client past its
budget of analyses is an error page too, and forms posted without JavaScript are read here
(url-encoded, no file upload)."""

from collections.abc import Callable, Coroutine
from typing import Any
from urllib.parse import parse_qsl

from fastapi import APIRouter, Request, Response

from search_api.errors import HeavyRateLimitedError, InvalidInputError, ServiceBusyError
from search_api.web.pages import PageRoute, error_page

FORM = "application/x-www-form-urlencoded"
MAX_FIELDS = 60  # the CV form has about thirty


class JourneyRoute(PageRoute):
    """A page route whose "too many analyses" refusals are pages as well: 503 when every slot
    is taken, 429 when this client has spent its budget."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        """The page route's handler, wrapped."""
        handler = super().get_route_handler()

        async def page(request: Request) -> Response:
            try:
                return await handler(request)
            except (ServiceBusyError, HeavyRateLimitedError) as e:
                return error_page(request, e.status, e.detail, e.retry_after)

        return page


def journey_router() -> APIRouter:
    """A router of journey pages."""
    return APIRouter(route_class=JourneyRoute, include_in_schema=False)


async def form_fields(request: Request) -> dict[str, str]:
    """The fields of a url-encoded form, the first value of each name, blanks kept; a 422 for
    another body (the body size is capped by the middleware)."""
    if request.headers.get("content-type", "").split(";")[0].strip() != FORM:
        raise InvalidInputError("body", "un formulaire (application/x-www-form-urlencoded)")
    try:
        pairs = parse_qsl(
            (await request.body()).decode("utf-8"),
            keep_blank_values=True,
            strict_parsing=False,
            max_num_fields=MAX_FIELDS,
        )
    except (UnicodeDecodeError, ValueError) as e:
        raise InvalidInputError("body", "formulaire illisible") from e
    fields: dict[str, str] = {}
    for name, value in pairs:
        fields.setdefault(name, value)
    return fields
