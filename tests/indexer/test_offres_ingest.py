"""Offer ingestion into the real engine: idempotent by id, expired offers removable."""

import json
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from elasticsearch import Elasticsearch
from pydantic import SecretStr
from rich.console import Console

from indexer.offres_load import ensure_offres_index, expire_offres, fetch_offres, ingest_offres
from indexer.settings import Settings
from tests.support.francetravail_server import CLIENT_ID, CLIENT_SECRET, FakeApi, serve
from tests.support.offers import offer


@pytest.fixture
def settings(es: Elasticsearch, es_url: str) -> Iterator[Settings]:
    settings = Settings(es_url=es_url, index_prefix=f"test-offres-{uuid.uuid4().hex[:8]}")
    yield settings
    for name in es.indices.get(index=f"{settings.index_prefix}-*").body:
        es.indices.delete(index=name)


def write(path: Path, numbers: range) -> Path:
    path.write_text("\n".join(json.dumps(offer(n)) for n in numbers), encoding="utf-8")
    return path


def test_loading_twice_changes_nothing_and_updates_replace(es, settings, tmp_path):
    alias = f"{settings.index_prefix}-offres"
    first = ingest_offres(es, settings, write(tmp_path / "a.jsonl", range(20)), Console(quiet=True))
    assert first.read == 20
    assert es.count(index=alias)["count"] == 20
    ingest_offres(es, settings, write(tmp_path / "b.jsonl", range(10, 30)), Console(quiet=True))
    assert es.count(index=alias)["count"] == 30
    stored = es.get(index=alias, id="T000012")["_source"]
    assert stored["source"]["id"] == "T000012"
    with_vectors = es.count(index=alias, query={"exists": {"field": "vector"}})["count"]
    assert with_vectors == 30


def test_expired_offers_are_removed(es, settings, tmp_path):
    alias = f"{settings.index_prefix}-offres"
    ingest_offres(
        es, settings, write(tmp_path / "a.jsonl", range(12)), Console(quiet=True), vectors=False
    )
    dates = [offer(n)["dateActualisation"] for n in range(12)]
    cutoff = datetime.now(UTC) - timedelta(days=30)
    older = sum(datetime.fromisoformat(d.replace("Z", "+00:00")) < cutoff for d in dates)
    assert 0 < older < 12
    assert expire_offres(es, settings, cutoff) == older
    assert es.count(index=alias)["count"] == 12 - older


def test_live_runs_are_incremental(es, settings, tmp_path):
    """Two runs against a local server speaking the API's protocol: the second only asks for
    what was created since the first."""
    now = datetime.now(UTC)
    fake = FakeApi([offer(n, now=now - timedelta(minutes=1)) for n in range(30)])
    alias = f"{settings.index_prefix}-offres"
    with serve(fake) as url:
        live = settings.model_copy(
            update={
                "ft_token_url": f"{url}/token",
                "ft_search_url": f"{url}/search",
                "ft_client_id": CLIENT_ID,
                "ft_client_secret": SecretStr(CLIENT_SECRET),
                "state_dir": tmp_path,
            }
        )
        first = fetch_offres(es, live, Console(quiet=True), vectors=False)
        recent = sum(
            datetime.fromisoformat(o["dateCreation"].replace("Z", "+00:00"))
            >= now - timedelta(days=live.ft_first_days, minutes=1)
            for o in fake.offers
        )
        assert first.read == recent
        assert es.count(index=alias)["count"] == recent
        time.sleep(2)  # the API reads whole seconds: the next run starts after the first ended
        created = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")
        fake.offers.append({**offer(99), "dateCreation": created})
        second = fetch_offres(es, live, Console(quiet=True), vectors=False)
        assert second.read == 1
        assert es.count(index=alias)["count"] == recent + 1


def test_the_offers_index_exists_before_any_offer(es, settings):
    alias = ensure_offres_index(es, settings)
    assert es.count(index=alias)["count"] == 0
    assert ensure_offres_index(es, settings) == alias  # idempotent
    assert len(es.indices.get_alias(name=alias).body) == 1
