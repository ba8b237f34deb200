"""POST /v1/competences/extract and /v1/metiers/match on the real engine and pipeline."""

from fastapi.testclient import TestClient
from httpx2 import Response

SUPERETTE = (
    "J'ai tenu la caisse et fait les inventaires dans une supérette. "
    "Je faisais la mise en rayon des produits frais."
)


def extract(api: TestClient, text: str, **extra: object) -> Response:
    return api.post("/v1/competences/extract", json={"text": text, **extra})


def test_extraction_returns_competences_with_evidence_from_the_text(api):
    response = extract(api, SUPERETTE)
    assert response.status_code == 200
    body = response.json()
    assert body["competences"], body
    labels = " | ".join(c["libelle"].lower() for c in body["competences"])
    assert "rayon" in labels
    assert "encaiss" in labels or "caisse" in labels
    for item in body["competences"]:
        assert item["type"] in {
            "savoir-faire",
            "macro-compétence",
            "savoir-être professionnel",
            "savoir",
        }
        assert 0 <= item["score"] <= 1
        assert item["evidence"] or item["metier"], item  # read in the text, or implied
        for span in item["evidence"]:
            assert SUPERETTE[span["start"] : span["end"]] == span["text"]
    scores = [c["score"] for c in body["competences"]]
    assert scores == sorted(scores, reverse=True)


def test_competences_implied_by_the_metier_name_it_and_cite_the_text(api):
    everything = extract(api, SUPERETTE, threshold=0, size=100).json()["competences"]
    implied = [c for c in everything if c["metier"]]
    named = [c for c in everything if not c["metier"]]
    assert implied, "the fiches the text describes list more than its words name"
    assert named
    # The retail fiches of the index come first: a supérette's till and shelves.
    assert implied[0]["metier"]["code"][:1] == "D"
    for item in implied:
        assert item["metier"]["libelle"]
        for span in item["evidence"]:
            assert SUPERETTE[span["start"] : span["end"]] == span["text"]


def test_negated_experience_yields_no_management(api):
    text = "Je n'ai jamais encadré d'équipe. J'ai tenu la caisse d'une supérette."
    body = extract(api, text, threshold=0, size=100).json()
    negated = [c for c in body["clauses"] if c["ignored"] == "négation"]
    assert [c["text"] for c in negated] == ["Je n'ai jamais encadré d'équipe"]
    assert body["competences"]
    for item in body["competences"]:
        # "Superviser l'activité d'une équipe de caissiers" shares "caisse" and "supér-" with
        # the affirmative clause: the denied "équipe" still rules it out.
        assert "équipe" not in item["libelle"], item
        assert "ncadr" not in item["libelle"], item
        for span in item["evidence"]:
            assert span["start"] >= text.index("J'ai tenu")


def test_threshold_and_size_bound_the_list(api):
    everything = extract(api, SUPERETTE, threshold=0).json()["competences"]
    strict = extract(api, SUPERETTE, threshold=0.8, size=3).json()["competences"]
    assert len(strict) <= 3
    assert all(c["score"] >= 0.8 for c in strict)
    assert len(everything) > len(strict)


def test_meaningless_or_foreign_or_empty_input_gets_4xx_or_a_reason(api):
    foreign = "I worked as a cashier in a small shop and I managed the stock every single week."
    assert extract(api, foreign).status_code == 422
    assert extract(api, "").status_code == 422
    assert extract(api, "x" * 5001).status_code == 422
    body = extract(api, "... !!! ???").json()
    assert body["competences"] == []
    assert body["reason"]


def test_match_from_codes_ranks_fiches_by_coverage(api):
    fiche = api.get("/v1/metiers/D1106").json()
    macros = [m["code_ogr"] for g in fiche["competences"] for m in g["macros"]]
    response = api.post("/v1/metiers/match", json={"competences": [*macros, "999999999"]})
    assert response.status_code == 200
    body = response.json()
    assert body["unknown"] == ["999999999"]
    assert body["results"][0]["code_rome"] == "D1106"
    assert body["results"][0]["missing"] == []
    assert body["results"][0]["coverage"] == 1.0
    for hit in body["results"][1:]:
        assert hit["score"] <= body["results"][0]["score"]
        cores = [m["coeur_metier"] for m in hit["missing"]]
        assert cores == sorted(cores, reverse=True)  # core missing first
    assert {"grand_domaine", "secteur"} <= body["facets"].keys()


def test_match_from_text_and_facet_filter(api):
    body = api.post("/v1/metiers/match", json={"text": SUPERETTE}).json()
    assert body["profile"]
    assert body["results"]
    domaine = body["results"][0]["code_rome"][0]
    filtered = api.post(
        "/v1/metiers/match", json={"text": SUPERETTE, "filters": {"grand_domaine": [domaine]}}
    ).json()
    assert {r["code_rome"][0] for r in filtered["results"]} == {domaine}
    selected = [v for v in filtered["facets"]["grand_domaine"] if v["selected"]]
    assert [v["value"] for v in selected] == [domaine]


def test_match_rejects_bad_requests_with_the_field(api):
    both = api.post("/v1/metiers/match", json={"text": SUPERETTE, "competences": ["1"]})
    assert both.status_code == 422
    neither = api.post("/v1/metiers/match", json={})
    assert neither.status_code == 422
    facet = api.post("/v1/metiers/match", json={"competences": ["1"], "filters": {"x": ["y"]}})
    assert facet.status_code == 422
    assert facet.json()["errors"][0]["field"] == "filters"
    assert facet.headers["content-type"].startswith("application/problem+json")


def test_terse_french_ads_pass_the_language_gate(api):
    # Two shapes of real French ads the earlier gate refused: a bullet list, a company opening.
    waiter = (
        "Serveur H/F : service midi et soir, accueil clientèle, prise commandes, encaissement, "
        "nettoyage salle, mise place couverts"
    )
    fitter = (
        "VITRAGE EXPRESS ANNONAY 07100 - Poseur pare-brise H/F : pose, remplacement, "
        "réparation vitrages automobiles, atelier mobile"
    )
    for text in (waiter, fitter):
        assert extract(api, text).status_code == 200, text
    assert extract(api, "The quick brown fox jumps over the lazy dog every day").status_code == 422
