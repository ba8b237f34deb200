"""The API's health route against the live engine, and against no engine at all."""

import socket

import pytest
from fastapi.testclient import TestClient

from search_api.app import create_app
from search_api.settings import ApiSettings

pytestmark = pytest.mark.integration


def test_health_reports_the_engine(es_url):
    with TestClient(create_app(ApiSettings(es_url=es_url))) as client:
        response = client.get("/health")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["engine_status"] in {"green", "yellow"}
    assert body["engine_nodes"] >= 1


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


def test_engine_unreachable_is_a_503_problem_not_a_500():
    settings = ApiSettings(es_url=f"http://127.0.0.1:{closed_port()}", es_request_timeout=2)
    with TestClient(create_app(settings)) as client:
        response = client.get("/health")
    assert response.status_code == 503
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["title"] == "Search engine unavailable"
