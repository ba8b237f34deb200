"""Territory search and browsing on the real index of the INSEE files."""

from fastapi.testclient import TestClient


def names(api: TestClient, q: str, **params: str) -> list[tuple[str, str]]:
    response = api.get("/v1/territoires/search", params={"q": q, **params})
    assert response.status_code == 200, response.text
    return [(r["type"], r["libelle"]) for r in response.json()["results"]]


def test_first_letters_find_the_departement_first(api):
    assert names(api, "ardè")[0] == ("departement", "Ardèche")
    assert names(api, "arde")[0] == ("departement", "Ardèche")  # accents do not matter


def test_saint_etienne_however_it_is_typed(api):
    for typed in ("Saint-Étienne", "saint etienne", "st etienne", "ST-ETIENNE"):
        assert names(api, typed, types="commune")[0] == ("commune", "Saint-Étienne"), typed


def test_postcode_and_insee_code(api):
    by_postcode = api.get("/v1/territoires/search", params={"q": "07100"}).json()["results"]
    assert by_postcode  # 07100 serves Annonay and its neighbours, and is Gravières' INSEE code
    assert all("07100" in r["codes_postaux"] or r["code"] == "07100" for r in by_postcode)
    assert "Annonay" in [r["libelle"] for r in by_postcode]
    assert by_postcode[0]["departement"] == {"code": "07", "libelle": "Ardèche"}
    assert names(api, "07186")[0] == ("commune", "Privas")


def test_browse_down_the_tree(api):
    regions = api.get("/v1/territoires/regions").json()
    assert regions["total"] == 18
    departements = api.get("/v1/territoires/regions/84/departements").json()
    assert departements["total"] == 12
    assert "Ardèche" in [d["libelle"] for d in departements["territoires"]]
    communes = api.get("/v1/territoires/departements/07/communes").json()
    labels = [c["libelle"] for c in communes["territoires"]]
    assert communes["total"] == len(labels) > 300
    assert "Privas" in labels


def test_unknown_codes_are_404_and_bad_ones_422(api):
    assert api.get("/v1/territoires/regions/99/departements").status_code == 404
    assert api.get("/v1/territoires/departements/00/communes").status_code == 404
    bad = api.get("/v1/territoires/departements/XYZ/communes")
    assert bad.status_code == 422
    assert bad.headers["content-type"].startswith("application/problem+json")
