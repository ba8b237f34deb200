"""GET /v1/offres/search and the market over generated offers ingested by the real pipeline,
and the market over a slice of the real offers sample."""

import json
import uuid
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from elasticsearch import Elasticsearch
from fastapi.testclient import TestClient
from rich.console import Console

from indexer.offres_sample import load_sample
from indexer.referential.load import Referential, load_referential
from indexer.settings import Settings
from search_api.app import create_app
from search_api.offres import queries
from search_api.offres.service import Sample, sample_of
from search_api.settings import ApiSettings
from tests.support.api_app import OFFERS


def search(api: TestClient, **params: str | int | list[str]) -> dict[str, Any]:
    response = api.get("/v1/offres/search", params=params)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def test_empty_query_lists_every_offer_newest_first(api):
    body = search(api, size=50)
    assert body["total"] == OFFERS
    dates = [r["date_creation"] for r in body["results"]]
    assert dates == sorted(dates, reverse=True)


def test_title_search_finds_the_job_with_its_territory_and_fiche(api):
    for mode in ("lexical", "semantic", "hybrid"):
        results = search(api, q="boulanger", mode=mode)["results"]
        assert results[0]["fiche"]["code"] == "D1102", mode
    first = search(api, q="boulanger", mode="lexical")["results"][0]
    assert first["departement"]["code"] in {"07", "69", "42"}
    assert first["region"]["code"] in {"84"}
    assert "<em>" in first["highlight"]


def test_territory_facets_are_multi_select(api):
    body = search(api, departement="07")
    assert {r["departement"]["code"] for r in body["results"]} == {"07"}
    counts = {v["value"]: v for v in body["facets"]["departement"]}
    assert counts["07"]["selected"]
    assert counts["69"]["count"] > 0  # other départements still counted
    both = search(api, departement=["07", "69"], size=50)
    assert both["total"] == counts["07"]["count"] + counts["69"]["count"]
    regions = {v["value"] for v in body["facets"]["region"]}
    assert regions == {"84"}


def test_fiche_contract_and_date_filters(api):
    body = search(api, code_rome="D1106", type_contrat="CDI", size=50)
    assert body["results"]
    assert all(r["parent"]["code"] == "D1106" for r in body["results"])
    assert all(r["type_contrat"] == "CDI" for r in body["results"])
    recent = search(api, publiee_depuis="7", size=50)
    assert 0 < recent["total"] < OFFERS
    week = next(v for v in recent["facets"]["publiee_depuis"] if v["value"] == "7")
    assert week["selected"]
    assert week["count"] == recent["total"]


def test_bad_filters_are_422(api):
    assert api.get("/v1/offres/search", params={"publiee_depuis": "2"}).status_code == 422
    assert api.get("/v1/offres/search", params={"size": 500}).status_code == 422


def test_market_of_a_fiche_in_a_departement_next_to_national(api):
    response = api.get("/v1/metiers/D1106/marche", params={"departement": "07"})
    assert response.status_code == 200, response.text
    body = response.json()
    national, local = body["national"], body["local"]
    assert body["territoire"] == {"type": "departement", "code": "07", "libelle": "Ardèche"}
    assert national["offres"] == OFFERS // 5  # one generated offer in five is D1106
    assert 0 < local["offres"] < national["offres"]
    assert sum(c["count"] for c in national["contrats"]) == national["offres"]
    quartiles = national["salaire_mensuel"]
    assert quartiles["offres"] > 0
    assert quartiles["p25"] <= quartiles["p50"] <= quartiles["p75"]
    assert sum(w["offres"] for w in national["semaines"]) <= national["offres"]
    assert len(national["semaines"]) >= 12


def test_market_errors(api):
    assert api.get("/v1/metiers/A9999/marche").status_code == 404
    assert api.get("/v1/metiers/D1106/marche", params={"region": "99"}).status_code == 404
    both = api.get("/v1/metiers/D1106/marche", params={"region": "84", "departement": "07"})
    assert both.json()["territoire"]["code"] == "07"
    elsewhere = api.get("/v1/metiers/D1106/marche", params={"region": "11", "departement": "07"})
    assert elsewhere.status_code == 422
    national_only = api.get("/v1/metiers/D1106/marche").json()
    assert national_only["local"] is None


def test_search_box_restricted_to_a_territory_with_offer_counts(api):
    asked = {"q": "vendeur", "size": 20, "facets": ["region", "departement"]}
    everywhere = api.get("/v1/search", params=asked).json()
    regions = {v["value"]: v["count"] for v in everywhere["facets"]["region"]}
    assert regions.get("84", 0) > 0  # offers of the fiches found, per région
    body = api.get("/v1/search", params={"q": "vendeur", "departement": "07", "size": 20}).json()
    assert body["results"]
    assert all(r["type"] in {"appellation", "fiche"} for r in body["results"])
    assert all(r["offres"] > 0 for r in body["results"])
    codes = {r["code_rome"] or r["code"] for r in body["results"]}
    assert codes <= {"D1106", "D1505", "D1102", "N4101", "M1805"}
    departements = {v["value"]: v for v in body["facets"]["departement"]}
    assert departements["07"]["selected"]
    nowhere = api.get("/v1/search", params={"q": "vendeur", "departement": "2A"}).json()
    assert nowhere["results"] == []


def test_offers_loaded_from_files_or_the_api_are_live(api):
    assert api.get("/v1/metiers/D1106/marche").json()["source"] == "live"


def test_sample_of_reads_the_indexer_mark():
    mark = {
        "source": "sample",
        "file": "/d/offers.jsonl",
        "offres": 3,
        "newest": "2026-08-17T10:46:04.907Z",
    }
    assert sample_of({"entity": "offres", "provenance": mark}) == Sample(
        "/d/offers.jsonl", 3, date(2026, 8, 17)
    )
    assert sample_of({"entity": "offres"}) is None
    assert sample_of({"provenance": {**mark, "source": "live"}}) is None
    assert sample_of({"provenance": {**mark, "newest": None}}) == Sample("/d/offers.jsonl", 3, None)


def test_a_sample_market_trend_ends_on_its_newest_offer():
    weeks = queries.market_aggs(date(2026, 8, 17))["semaines"]
    assert weeks["filter"]["range"]["date_creation"] == {
        "gte": "2026-08-17||-12w/w",
        "lt": "2026-08-17||+1d/d",
    }
    bounds = weeks["aggs"]["values"]["date_histogram"]["extended_bounds"]
    assert bounds == {"min": "2026-08-17||-12w/w", "max": "2026-08-17||/w"}
    assert (
        queries.market_aggs()["semaines"]["filter"]["range"]["date_creation"]["gte"] == "now-12w/w"
    )


SAMPLE_FICHE = "M1805"  # in the API index (FICHES); the real sample holds recent offers of it


@pytest.fixture(scope="module")
def sample_api(
    es: Elasticsearch, es_url: str, api_prefix: str, tmp_path_factory
) -> Iterator[tuple[TestClient, list[dict[str, Any]]]]:
    """An API over the API tests' ROME and territory indices (aliased under a prefix of its
    own) whose offers are the real sample's offers of one fiche métier, loaded as the sample;
    with those offers."""
    prefix = f"test-sample-api-{uuid.uuid4().hex[:8]}"
    settings = Settings(es_url=es_url, index_prefix=prefix)
    ref = load_referential(settings.rome_dir)
    assert settings.offres_sample is not None
    rows = [json.loads(line) for line in settings.offres_sample.read_text().splitlines()]
    kept = [r for r in rows if _parent(ref, r) == SAMPLE_FICHE]
    sample = tmp_path_factory.mktemp("sample") / "offers.jsonl"
    sample.write_text("\n".join(json.dumps(r) for r in kept), encoding="utf-8")
    shared = [
        {"add": {"index": index, "alias": alias.replace(api_prefix, prefix, 1)}}
        for index, body in es.indices.get_alias(name=f"{api_prefix}-*").body.items()
        for alias in body["aliases"]
        if not alias.endswith("-offres")
    ]
    es.indices.update_aliases(actions=shared)
    try:
        load_sample(es, settings, sample, Console(quiet=True), vectors=False)
        with TestClient(create_app(ApiSettings(es_url=es_url, index_prefix=prefix))) as client:
            yield client, kept
    finally:
        es.indices.update_aliases(
            actions=[
                {"remove": {"index": a["add"]["index"], "alias": a["add"]["alias"]}} for a in shared
            ]
        )
        for name in es.indices.get(index=f"{prefix}-offres-*").body:
            es.indices.delete(index=name)


def _parent(ref: Referential, row: dict[str, Any]) -> str | None:
    fiche = ref.fiches.get(str(row.get("romeCode") or "").upper())
    return fiche.code_rome_parent if fiche else None


def test_a_sample_market_says_so_and_counts_weeks_up_to_its_newest_offer(sample_api):
    client, rows = sample_api
    response = client.get(f"/v1/metiers/{SAMPLE_FICHE}/marche")
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["source"] == "sample"
    national = body["national"]
    assert national["offres"] == len(rows)
    created = [
        datetime.fromisoformat(r["dateCreation"].replace("Z", "+00:00")).date() for r in rows
    ]
    newest = max(created)
    last_monday = newest - timedelta(days=newest.weekday())
    first_monday = last_monday - timedelta(weeks=queries.MARKET_WEEKS)
    recent = sum(first_monday <= d <= newest for d in created)
    assert recent > 0  # counted back from today, these dated offers would all fall outside
    weeks = national["semaines"]
    assert weeks[-1]["semaine"] == last_monday.isoformat()
    assert weeks[0]["semaine"] == first_monday.isoformat()
    assert sum(w["offres"] for w in weeks) == recent
