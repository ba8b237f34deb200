"""The operator CLI against the live embedded engine."""

import json

import pytest
from typer.testing import CliRunner

from indexer.cli import app

pytestmark = pytest.mark.integration


def test_engine_status_says_where_the_engine_is(es_url, monkeypatch):
    monkeypatch.setenv("METIERSCOPE_ENGINE", "embedded")
    result = CliRunner().invoke(app, ["engine", "status"])
    assert result.exit_code == 0, result.output
    status = json.loads(result.output)
    assert status["url"] == es_url
    assert status["health"]["status"] in {"green", "yellow"}
    assert status["nodes"][0]["pid"] is not None


def test_engine_up_is_idempotent_when_running(es_url):
    result = CliRunner().invoke(app, ["engine", "up"])
    assert result.exit_code == 0, result.output
    assert f"healthy at {es_url}" in result.output


def test_index_with_the_engine_unreachable_is_one_clear_line(monkeypatch):
    monkeypatch.setenv("METIERSCOPE_ES_URL", "http://127.0.0.1:9")
    result = CliRunner().invoke(app, ["index", "--only", "contextes"])
    assert result.exit_code == 1
    assert "error: Connection error" in result.output
    assert "Traceback" not in result.output
