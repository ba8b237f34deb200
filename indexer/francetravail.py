"""Client of the France Travail "Offres d'emploi v2" API: OAuth2 client credentials, the search
endpoint's `range` pagination (206 + Content-Range), its result cap, back-off on 429 and 5xx,
and incremental runs by creation date.

The search endpoint serves at most RESULT_CAP results per query (first index <= 3000, pages of
at most 150): a creation-date window holding more is split in two until each half fits.
"""

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

PAGE = 150  # the API's largest range
RESULT_CAP = 3150  # ranges end at index 3149 at most
MIN_WINDOW = timedelta(minutes=1)  # a window this short that still overflows is read capped
MAX_RETRIES = 6
BACKOFF_SECONDS = 1.0
TOKEN_MARGIN = 60  # seconds before expiry a token is renewed


class FranceTravailError(RuntimeError):
    """The API refused a request for good (bad credentials, bad request, retries exhausted)."""


@dataclass(frozen=True)
class ApiConfig:
    """Endpoints and credentials: configuration, never code."""

    token_url: str
    search_url: str
    client_id: str
    client_secret: str
    scope: str = "api_offresdemploiv2 o2dsoffre"


def api_date(moment: datetime) -> str:
    """The API's date format: 2025-05-31T14:14:44Z (UTC, no fraction)."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def content_range_total(header: str | None) -> int | None:
    """Total of a `Content-Range: offres 0-149/1234` header."""
    if not header or "/" not in header:
        return None
    total = header.rsplit("/", 1)[1].strip()
    return int(total) if total.isdigit() else None


class OffresApi:
    """Reads offers from the search endpoint; the HTTP client and the clock are injectable."""

    def __init__(
        self,
        config: ApiConfig,
        client: httpx.Client,
        *,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.config = config
        self.client = client
        self.sleep = sleep
        self._token: str | None = None
        self._token_expires = 0.0
        self.requests = 0
        self.retries = 0

    def _access_token(self, *, renew: bool = False) -> str:
        if self._token and not renew and time.monotonic() < self._token_expires:
            return self._token
        response = self._send(
            lambda: self.client.post(
                self.config.token_url,
                data={
                    "grant_type": "client_credentials",
                    "client_id": self.config.client_id,
                    "client_secret": self.config.client_secret,
                    "scope": self.config.scope,
                },
            )
        )
        if response.status_code != 200:
            raise FranceTravailError(f"token refused: HTTP {response.status_code}")
        body = response.json()
        self._token = str(body["access_token"])
        lifetime = float(body.get("expires_in", 1500))
        self._token_expires = time.monotonic() + max(lifetime - TOKEN_MARGIN, 0)
        return self._token

    def _send(self, request: Callable[[], httpx.Response]) -> httpx.Response:
        """One request, retried with back-off on 429 (honouring Retry-After), 5xx and
        transport errors."""
        for attempt in range(MAX_RETRIES + 1):
            self.requests += 1
            try:
                response = request()
            except httpx.TransportError as e:
                if attempt == MAX_RETRIES:
                    raise FranceTravailError(f"API unreachable: {e}") from e
            else:
                if response.status_code != 429 and response.status_code < 500:
                    return response
                if attempt == MAX_RETRIES:
                    raise FranceTravailError(
                        f"HTTP {response.status_code} after {MAX_RETRIES} retries"
                    )
                retry_after = response.headers.get("Retry-After", "")
                if retry_after.isdigit():
                    self.retries += 1
                    self.sleep(float(retry_after))
                    continue
            self.retries += 1
            self.sleep(BACKOFF_SECONDS * 2**attempt)
        raise AssertionError("unreachable")  # the loop returns or raises

    def _page(self, start: datetime, end: datetime, first: int) -> tuple[list[Any], int]:
        params = {
            "range": f"{first}-{first + PAGE - 1}",
            "minCreationDate": api_date(start),
            "maxCreationDate": api_date(end),
        }

        def get() -> httpx.Response:
            headers = {"Authorization": f"Bearer {self._access_token()}"}
            return self.client.get(self.config.search_url, params=params, headers=headers)

        response = self._send(get)
        if response.status_code == 401:  # token revoked or expired early: renew once
            self._access_token(renew=True)
            response = self._send(get)
        if response.status_code == 204:
            return [], 0
        if response.status_code not in (200, 206):
            raise FranceTravailError(
                f"search refused: HTTP {response.status_code} {response.text[:200]}"
            )
        offers = response.json().get("resultats") or []
        total = content_range_total(response.headers.get("Content-Range"))
        return offers, total if total is not None else first + len(offers)

    def window(self, start: datetime, end: datetime) -> Iterator[dict[str, Any]]:
        """Every offer created in [start, end], splitting windows the cap would truncate."""
        offers, total = self._page(start, end, 0)
        if total > RESULT_CAP and end - start > MIN_WINDOW:
            middle = (start + (end - start) / 2).replace(microsecond=0)  # the API reads seconds
            yield from self.window(start, middle)
            yield from self.window(middle + timedelta(seconds=1), end)
            return
        yield from offers
        first = len(offers)
        while offers and first < min(total, RESULT_CAP):
            offers, _ = self._page(start, end, first)
            yield from offers
            first += len(offers)
