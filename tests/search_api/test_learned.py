"""The learned models in the API: loaded once, shown by /ready; the title ranker orders the
lookup and the métier side of the search box, the description models drive extraction and
matching from text; without their artefacts the unlearned rankings serve."""

import pytest
from fastapi.testclient import TestClient

from search_api.app import create_app
from search_api.settings import ApiSettings


def test_ready_shows_the_title_ranker_and_its_training_data(api):
    titles = api.get("/ready").json()["models"]["titles"]
    assert titles["status"] == "loaded"  # `make test` builds it first (`metierscope train`)
    assert titles["version"].startswith("titles-")
    assert len(titles["fingerprint"]) == 64


def test_ready_shows_the_extraction_models(api):
    extraction = api.get("/ready").json()["models"]["extraction"]
    assert extraction["status"] == "loaded"
    assert extraction["version"].startswith("descriptions-")
    assert len(extraction["fingerprint"]) == 64
    assert extraction["named_title"].startswith("titles-")  # the title ranker reads named titles


def test_match_from_text_puts_the_metier_described_first(api):
    text = (
        "Infirmière diplômée d'état, je réalisais les soins, les pansements et les injections "
        "des patients hospitalisés, et je préparais les traitements prescrits."
    )
    body = api.post("/v1/metiers/match", json={"text": text, "size": 5}).json()
    assert body["results"][0]["code_rome"][:5] == "J1506", body["results"]


def test_ad_style_titles_find_their_metier_first(api):
    for q, fiche in [
        ("Infirmier IDE de nuit H/F - CDI", "J1506"),
        ("Boulanger H/F", "D1102"),
        ("Aide soignant(e) EHPAD", "J1501"),
        ("Développeur web junior (F/H)", "M1805"),
    ]:
        first = api.get("/v1/appellations/search", params={"q": q}).json()["results"][0]
        assert first["code_rome_parent"] == fiche, (q, first)


def test_the_search_box_puts_metiers_first_for_a_job_title(api):
    results = api.get("/v1/search", params={"q": "infirmière"}).json()["results"]
    kinds = [r["type"] for r in results]
    assert kinds[0] == "fiche"
    assert results[0]["code"] == "J1506"
    order = ["fiche", "appellation", "competence", "savoir"]
    assert kinds == sorted(kinds, key=order.index)  # grouped by type


def test_autocomplete_puts_the_appellation_people_mean_first(api):
    suggestions = api.get("/v1/autocomplete", params={"q": "infirm"}).json()["suggestions"]
    first = next(s for s in suggestions if s["type"] == "appellation")
    assert "soins généraux" in first["libelle"]


def test_without_the_artefact_the_unlearned_ranking_serves(es_url, api_prefix, tmp_path):
    settings = ApiSettings(es_url=es_url, index_prefix=api_prefix, model_dir=tmp_path)
    with TestClient(create_app(settings)) as client:
        models = client.get("/ready").json()["models"]
        assert models["titles"]["status"] == "absent"
        assert models["extraction"]["status"] == "absent"
        response = client.get("/v1/appellations/search", params={"q": "infirmier"})
        assert response.status_code == 200
        assert response.json()["results"][0]["code_rome_parent"] == "J1506"
        text = "J'ai tenu la caisse et fait la mise en rayon des produits frais."
        extracted = client.post("/v1/competences/extract", json={"text": text})
        assert extracted.status_code == 200
        assert extracted.json()["competences"]  # the unlearned extraction, its own threshold


SERVICE = (
    "J'accueillais les clients, je les conseillais sur les produits et j'encaissais leurs achats "
    "en fin de matinée."
)


def _first_match(api, title: str | None) -> dict[str, str]:
    body = {"text": SERVICE, "size": 5} | ({"title": title} if title is not None else {})
    response = api.post("/v1/metiers/match", json=body)
    assert response.status_code == 200, response.text
    return dict(response.json()["results"][0])


def test_the_job_title_given_beside_the_text_decides_the_metier(api):
    alone = _first_match(api, None)
    assert alone["code_rome"] == "D1507", alone  # the text alone reads as a shop floor
    assert _first_match(api, "") == alone  # an empty title is no title
    assert "boulang" in _first_match(api, "Boulangère")["libelle"].lower()
    assert _first_match(api, "  Chauffeur poids lourd ")["code_rome"].startswith("N41")


def test_extraction_reads_the_title_too(api):
    text = "Je livrais les commandes aux clients."
    bodies = [
        api.post("/v1/competences/extract", json={"text": text} | extra).json()
        for extra in ({}, {"title": "Chauffeur livreur"})
    ]
    alone, titled = ([c["libelle"] for c in b["competences"]] for b in bodies)
    assert alone == [], alone  # from these six words alone nothing reaches the threshold
    assert "Livrer une commande" in titled, titled


@pytest.mark.parametrize("title", ["x" * 151, "Vendeur\x00", "Vendeur\nCaissier"])
def test_a_title_that_is_not_one_line_of_150_characters_is_a_clear_422(api, title):
    for path in ("/v1/competences/extract", "/v1/metiers/match"):
        response = api.post(path, json={"text": SERVICE, "title": title})
        assert response.status_code == 422, (path, response.text)
        assert "title" in response.text
