"""The France Travail connector against a local server that speaks the API's protocol."""

from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from indexer.francetravail import (
    RESULT_CAP,
    ApiConfig,
    FranceTravailError,
    OffresApi,
    content_range_total,
)
from tests.support.francetravail_server import CLIENT_ID, CLIENT_SECRET, FakeApi, serve
from tests.support.offers import offer

NOW = datetime(2025, 6, 1, tzinfo=UTC)


def offers(count: int, days: int = 30) -> list[dict[str, Any]]:
    """count offers created over the last `days` days, evenly."""
    out = []
    for n in range(count):
        item = offer(n, now=NOW)
        created = NOW - timedelta(seconds=days * 86400 * n / max(count, 1))
        item["dateCreation"] = created.strftime("%Y-%m-%dT%H:%M:%S.000Z")
        out.append(item)
    return out


def client_for(url: str, secret: str = CLIENT_SECRET) -> tuple[OffresApi, list[float]]:
    slept: list[float] = []
    config = ApiConfig(f"{url}/token", f"{url}/search", CLIENT_ID, secret)
    return OffresApi(config, httpx.Client(timeout=5), sleep=slept.append), slept


def window(api: OffresApi) -> list[str]:
    return [o["id"] for o in api.window(NOW - timedelta(days=31), NOW)]


def test_pages_are_read_with_range_until_the_total():
    fake = FakeApi(offers(400))
    with serve(fake) as url:
        api, _ = client_for(url)
        ids = window(api)
    assert sorted(ids) == sorted(o["id"] for o in fake.offers)
    assert fake.searches == 3  # 150 + 150 + 100
    assert fake.tokens_issued == 1  # the token is reused


def test_windows_over_the_cap_are_split_so_nothing_is_lost():
    fake = FakeApi(offers(RESULT_CAP + 850))
    with serve(fake) as url:
        api, _ = client_for(url)
        ids = window(api)
    assert len(ids) == len(set(ids)) == len(fake.offers)


def test_429_waits_retry_after_and_5xx_backs_off():
    fake = FakeApi(offers(10), failures=[429, 503, 502])
    with serve(fake) as url:
        api, slept = client_for(url)
        ids = window(api)
    assert len(ids) == 10
    assert slept[0] == 2.0  # Retry-After
    assert slept[1:] == [2.0, 4.0]  # exponential back-off for the 5xx
    assert api.retries == 3


def test_a_rejected_token_is_renewed_once():
    fake = FakeApi(offers(10))
    with serve(fake) as url:
        api, _ = client_for(url)
        assert len(window(api)) == 10
        fake.tokens_issued += 1  # the server rotated its token: the client's one is stale
        assert len(window(api)) == 10
    assert fake.tokens_issued == 3


def test_bad_credentials_and_endless_failures_are_clear_errors():
    fake = FakeApi(offers(3), failures=[500] * 10)
    with serve(fake) as url:
        wrong, _ = client_for(url, secret="wrong")
        with pytest.raises(FranceTravailError, match="token refused: HTTP 401"):
            window(wrong)
        failing, _ = client_for(url)
        with pytest.raises(FranceTravailError, match="HTTP 500 after"):
            window(failing)


def test_no_offer_in_the_window_is_204():
    with serve(FakeApi([])) as url:
        api, _ = client_for(url)
        assert window(api) == []


def test_content_range_total():
    assert content_range_total("offres 0-149/1234") == 1234
    assert content_range_total(None) is None
    assert content_range_total("offres 0-149/*") is None
