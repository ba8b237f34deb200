"""Liveness and readiness against the live engine, against no engine at all, and against an
engine without our indices."""

import socket
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from search_api.app import create_app
from search_api.errors import ENGINE_DOWN
from search_api.settings import ApiSettings

pytestmark = pytest.mark.integration


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


@pytest.fixture(scope="module")
def no_engine() -> Iterator[tuple[TestClient, int]]:
    port = closed_port()
    settings = ApiSettings(es_url=f"http://127.0.0.1:{port}", es_request_timeout=2)
    with TestClient(create_app(settings)) as client:
        yield client, port


def test_ready_reports_the_engine_and_the_indices(api):
    response = api.get("/ready")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ready"
    assert body["engine_status"] in {"green", "yellow"}
    assert body["engine_nodes"] >= 1
    assert body["indices"]["fiches"] > 0


def test_liveness_does_not_depend_on_the_engine(api, no_engine):
    client, _ = no_engine
    for answering in (api, client):
        response = answering.get("/health")
        assert response.status_code == 200
        assert response.json() == {"status": "ok"}


def test_engine_unreachable_is_not_ready_a_503_problem_naming_nothing_internal(no_engine):
    client, port = no_engine
    for path in ("/ready", "/v1/search?q=boulanger", "/v1/metiers/M1805"):
        response = client.get(path)
        assert response.status_code == 503, path
        assert response.headers["content-type"] == "application/problem+json"
        assert response.headers["retry-after"] == "5"
        body = response.json()
        assert body["title"] == "Search engine unavailable"
        assert body["detail"] == ENGINE_DOWN
        assert str(port) not in response.text
        assert "127.0.0.1" not in response.text
    page = client.get("/metiers/M1805")  # a page says it in French, with the same delay
    assert (page.status_code, page.headers["retry-after"]) == (503, "5")
    assert "text/html" in page.headers["content-type"]
    assert str(port) not in page.text


def test_an_engine_without_the_indices_is_not_ready(es_url):
    settings = ApiSettings(es_url=es_url, index_prefix="test-never-indexed")
    with TestClient(create_app(settings)) as client:
        response = client.get("/ready")
        assert client.get("/health").status_code == 200
    assert response.status_code == 503
    assert response.headers["retry-after"] == "5"
    assert "test-never-indexed" not in response.text
