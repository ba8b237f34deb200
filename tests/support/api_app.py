"""A small real ROME index for API tests: a few fiches of the real export, fully indexed.
A plugin of the root conftest, so that every test directory shares one index and one app.

The documents come from the real export through the real builders, embedder and bulk loader;
only the set of fiches is cut down so the suite stays fast.
"""

import json
import threading
import time
import uuid
from collections.abc import Iterator

import pytest
import uvicorn
from elasticsearch import Elasticsearch
from fastapi.testclient import TestClient
from rich.console import Console

from indexer import offres_load, pipeline
from indexer.settings import Settings
from indexer.subset import index_fiches
from search_api.app import create_app
from search_api.settings import ApiSettings
from tests.support.offers import offer

OFFERS = 40  # generated job offers (tests/support/offers.py)
# Fiches métier (and their fiches emploi) the API tests search in.
# D1507 (mise en rayon) is what the description classifier reads in the own-words supérette text.
FICHES = (
    *("M1805", "J1506", "J1501", "D1102", "D1505", "D1507", "D1106", "M1503", "K2111", "G1602"),
    "N4101",
)


@pytest.fixture(scope="session")
def api_prefix(es: Elasticsearch, es_url: str, tmp_path_factory) -> Iterator[str]:
    prefix = f"test-api-{uuid.uuid4().hex[:8]}"
    settings = Settings(es_url=es_url, index_prefix=prefix)
    index_fiches(es, settings, prefix, FICHES)
    pipeline.run_territoires(es, settings, Console(quiet=True))
    offers = tmp_path_factory.mktemp("offers") / "offers.jsonl"
    offers.write_text("\n".join(json.dumps(offer(n)) for n in range(OFFERS)), encoding="utf-8")
    offres_load.ingest_offres(es, settings, offers, Console(quiet=True))
    yield prefix
    for name in es.indices.get(index=f"{prefix}-*").body:
        es.indices.delete(index=name)


@pytest.fixture(scope="session")
def api(es_url: str, api_prefix: str) -> Iterator[TestClient]:
    with TestClient(create_app(ApiSettings(es_url=es_url, index_prefix=api_prefix))) as client:
        yield client


@pytest.fixture(scope="session")
def live_api(es_url: str, api_prefix: str) -> Iterator[str]:
    """The API served by uvicorn on a free loopback port, for clients that speak real HTTP."""
    config = uvicorn.Config(
        create_app(ApiSettings(es_url=es_url, index_prefix=api_prefix)),
        host="127.0.0.1",
        port=0,
        log_level="warning",
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        assert time.monotonic() < deadline, "the API did not start"
        assert thread.is_alive(), "the API failed to start"
        time.sleep(0.05)
    port = server.servers[0].sockets[0].getsockname()[1]
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
