"""GET /v1/offres/search over generated offers ingested by the real pipeline."""

from typing import Any

from fastapi.testclient import TestClient

from tests.search_api.conftest import OFFERS


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
    everywhere = api.get("/v1/search", params={"q": "vendeur", "size": 20}).json()
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
