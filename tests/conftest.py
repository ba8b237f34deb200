"""Shared fixtures: the real Elasticsearch every integration test runs against.

METIERSCOPE_TEST_ENGINE selects it:
- `embedded` (default): the project's own engine; started for the session if not running.
- `testcontainers`: the official image in Docker (needs a Docker engine).
- `external`: whatever METIERSCOPE_ES_URL points at.
Whichever is selected, a missing engine fails the tests; it never skips them.
"""

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from elasticsearch import Elasticsearch

from analyzers import SYNONYMS_FILE
from indexer.engine import embedded_cluster
from indexer.settings import Settings

# The small real index of the API, web and journey tests, and the apps over it: one for all.
pytest_plugins = ("tests.support.api_app",)


def _testcontainers_url(version: str) -> Iterator[str]:
    from testcontainers.community.elasticsearch import ElasticSearchContainer  # noqa: PLC0415 (optional)

    image = f"docker.elastic.co/elasticsearch/elasticsearch:{version}"
    container = ElasticSearchContainer(image, mem_limit="2g").with_volume_mapping(
        str(SYNONYMS_FILE), "/usr/share/elasticsearch/config/analysis/synonyms.txt"
    )
    with container:
        yield f"http://{container.get_container_host_ip()}:{container.get_exposed_port(9200)}"


ENGINE_FIXTURES = {"es", "es_url"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test that reaches the engine, directly or through a fixture, is `integration`."""
    for item in items:
        if ENGINE_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.integration)


@pytest.fixture(scope="session")
def engine_settings() -> Settings:
    return Settings()


@pytest.fixture(scope="session")
def es_url(engine_settings: Settings) -> Iterator[str]:
    mode = os.environ.get("METIERSCOPE_TEST_ENGINE", "embedded")
    if mode == "testcontainers":
        yield from _testcontainers_url(engine_settings.es_version)
    elif mode == "external":
        yield engine_settings.es_url
    elif mode == "embedded":
        cluster = embedded_cluster(engine_settings)
        started_here = not cluster.running()
        cluster.start()
        yield cluster.url
        if started_here:
            cluster.stop()
    else:
        raise pytest.UsageError(f"unknown METIERSCOPE_TEST_ENGINE={mode!r}")


@pytest.fixture(scope="session")
def es(es_url: str) -> Iterator[Elasticsearch]:
    client = Elasticsearch(es_url, request_timeout=60)
    health = client.cluster.health(wait_for_status="yellow", timeout="30s")
    assert health["status"] in {"green", "yellow"}, health
    yield client
    client.close()


@pytest.fixture
def index_name(es: Elasticsearch) -> Iterator[str]:
    """A unique index name per test, deleted afterwards."""
    name = f"test-{uuid.uuid4().hex[:12]}"
    yield name
    es.indices.delete(index=name, ignore_unavailable=True)


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return Path(__file__).resolve().parent.parent
