"""The sample of real offers: the setting, the real file parsed as is, and its loading into an
empty offers index of the real engine, marked in the index `_meta`."""

import json
import uuid
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from elasticsearch import Elasticsearch
from rich.console import Console
from typer.testing import CliRunner

from indexer.cli import app
from indexer.offres import OfferResolver, OffersReport, documents, read_offers
from indexer.offres_load import ingest_offres
from indexer.offres_sample import PROVENANCE, SAMPLE, ensure_offres, load_sample
from indexer.referential.load import load_referential
from indexer.settings import Settings
from indexer.territoires import load_territoires
from tests.support.offers import offer

REAL = Settings().offres_sample
SLICE = 40  # real offers loaded by the integration tests (the whole file takes minutes to embed)


def real_sample() -> Path:
    assert REAL is not None
    assert REAL.is_file(), f"the offers sample is missing: {REAL}"
    return REAL


def test_the_sample_defaults_to_the_training_folder_and_can_be_turned_off(tmp_path):
    assert Settings(train_dir=tmp_path).offres_sample == tmp_path / "offers.jsonl"
    assert Settings(offres_sample=tmp_path / "x.jsonl").offres_sample == tmp_path / "x.jsonl"
    for off in ("", "off", " OFF "):
        assert Settings.model_validate({"offres_sample": off}).offres_sample is None


def test_the_environment_turns_the_sample_off(monkeypatch):
    monkeypatch.setenv("METIERSCOPE_OFFRES_SAMPLE", "")
    assert Settings().offres_sample is None


def test_every_real_offer_parses_and_resolves():
    """The real file read by the Offres v2 parser as is: no line rejected, ids unique, every
    offer dated, most placed and coded."""
    path = real_sample()
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    report = OffersReport()
    offers = list(read_offers(path, report))
    assert report.errors == []
    assert report.read == len(offers) == len(lines)
    assert len({o["id"] for _, o in offers}) == len(offers)
    settings = Settings()
    resolver = OfferResolver(
        load_territoires(settings.territoires_dir), load_referential(settings.rome_dir)
    )
    docs = list(documents(offers, resolver, report))
    assert all(d.date_creation for d in docs)
    years = Counter(d.date_creation[:4] for d in docs if d.date_creation)
    assert len(years) > 1  # dated offers over several years: the market trend must not assume now
    assert report.fiche["resolved"] > 0.95 * len(docs)
    placed = {o["id"] for _, o in offers if _has_place(o.get("lieuTravail") or {})}
    assert placed <= {d.id for d in docs if d.localisation in ("commune", "code_postal")}
    # The others are mostly "France" (anywhere) or a région alone, which no département holds.
    assert report.territory["unresolved"] < 0.15 * len(docs)


def _has_place(lieu: dict[str, object]) -> bool:
    """A commune code or a postcode of metropolitan France or a DROM."""
    code = str(lieu.get("commune") or lieu.get("codePostal") or "")
    return len(code) == 5 and not code.startswith(("975", "977", "978", "98", "99"))


@pytest.fixture
def settings(es: Elasticsearch, es_url: str, tmp_path: Path) -> Iterator[Settings]:
    """A test prefix whose sample is a slice of the real file."""
    lines = real_sample().read_text(encoding="utf-8").splitlines()[:SLICE]
    sample = tmp_path / "offers.jsonl"
    sample.write_text("\n".join(lines), encoding="utf-8")
    prefix = f"test-sample-{uuid.uuid4().hex[:8]}"
    yield Settings(es_url=es_url, index_prefix=prefix, offres_sample=sample)
    for name in es.indices.get(index=f"{prefix}-*").body:
        es.indices.delete(index=name)


def provenance(es: Elasticsearch, alias: str) -> dict[str, object] | None:
    (mapping,) = es.indices.get_mapping(index=alias).body.values()
    found: dict[str, object] | None = mapping["mappings"]["_meta"].get(PROVENANCE)
    return found


def test_an_empty_index_gets_the_sample_once_marked_as_such(es, settings):
    assert settings.offres_sample is not None
    rows = [json.loads(line) for line in settings.offres_sample.read_text().splitlines()]
    alias = f"{settings.index_prefix}-offres"
    report = ensure_offres(es, settings, Console(quiet=True))
    assert report is not None
    assert report.read == len(rows)
    assert es.count(index=alias)["count"] == len(rows)
    with_vectors = es.count(index=alias, query={"exists": {"field": "vector"}})["count"]
    assert with_vectors == len(rows)
    marked = provenance(es, alias)
    assert marked is not None
    assert marked["source"] == SAMPLE
    assert marked["offres"] == len(rows)
    newest = max(r["dateCreation"] for r in rows)
    assert str(marked["newest"])[:19] == newest[:19]
    (mapping,) = es.indices.get_mapping(index=alias).body.values()
    assert mapping["mappings"]["_meta"]["entity"] == "offres"  # the embedding contract kept
    assert "embedding" in mapping["mappings"]["_meta"]
    assert ensure_offres(es, settings, Console(quiet=True)) is None  # not empty any more
    load_sample(es, settings, settings.offres_sample, Console(quiet=True), vectors=False)
    assert es.count(index=alias)["count"] == len(rows)  # by id: loading twice changes nothing


def test_no_sample_when_turned_off_missing_or_offers_there(es, settings, tmp_path):
    alias = f"{settings.index_prefix}-offres"
    off = settings.model_copy(update={"offres_sample": None})
    assert ensure_offres(es, off, Console(quiet=True)) is None
    assert es.count(index=alias)["count"] == 0  # the index exists, empty
    missing = settings.model_copy(update={"offres_sample": tmp_path / "none.jsonl"})
    assert ensure_offres(es, missing, Console(quiet=True)) is None
    assert es.count(index=alias)["count"] == 0
    live = tmp_path / "live.jsonl"
    live.write_text(json.dumps(offer(1)), encoding="utf-8")
    ingest_offres(es, settings, live, Console(quiet=True), vectors=False)
    assert ensure_offres(es, settings, Console(quiet=True)) is None
    assert es.count(index=alias)["count"] == 1
    assert provenance(es, alias) is None


def test_the_cli_loads_a_file_as_the_sample(es, settings, monkeypatch):
    assert settings.offres_sample is not None
    monkeypatch.setenv("METIERSCOPE_ES_URL", settings.es_url)
    monkeypatch.setenv("METIERSCOPE_INDEX_PREFIX", settings.index_prefix)
    monkeypatch.setenv("METIERSCOPE_OFFRES_SAMPLE", "off")
    unset = CliRunner().invoke(app, ["index", "offres", "--sample"])
    assert unset.exit_code == 1
    assert "error: no offers sample" in unset.output
    command = ["index", "offres", "--sample", "--file", str(settings.offres_sample)]
    result = CliRunner().invoke(app, [*command, "--no-vectors"])
    assert result.exit_code == 0, result.output
    assert "marked as a sample" in result.output
    alias = f"{settings.index_prefix}-offres"
    assert es.count(index=alias)["count"] == SLICE
    marked = provenance(es, alias)
    assert marked is not None
    assert marked["file"] == str(settings.offres_sample.resolve())
