"""The search routes over a real (small) ROME index."""

import pytest

from ranking.text import fold

pytestmark = pytest.mark.integration


def codes(response, key="results"):
    return [r["code"] for r in response.json()[key]]


@pytest.mark.parametrize("mode", ["hybrid", "lexical", "semantic"])
def test_accentless_plural_query_finds_the_infirmier_titles(api, mode):
    response = api.get("/v1/appellations/search", params={"q": "infirmieres", "mode": mode})
    assert response.status_code == 200, response.text
    top = response.json()["results"][0]
    assert top["code_rome_parent"] == "J1506" or top["libelle_rome"].startswith("Infirmier")


def test_principale_comes_first_at_equal_relevance(api):
    results = api.get(
        "/v1/appellations/search", params={"q": "boulanger", "mode": "lexical"}
    ).json()
    assert results["results"][0]["classification"] == "PRINCIPALE"
    assert results["results"][0]["code_rome"] == "D1102"


def test_search_box_mixes_types_with_fiche_fields_and_highlight(api):
    body = api.get("/v1/search", params={"q": "developpeur informatique", "size": 5}).json()
    assert body["mode"] == "hybrid"
    assert body["total"] >= 1
    first = body["results"][0]
    assert first["code_rome_parent"] == "M1805" or first["code"] == "M1805"
    assert any(r["highlight"] and "<em>" in r["highlight"] for r in body["results"])
    assert {"grand_domaine", "secteur", "type", "transition"} <= set(body["facets"])


def test_facets_are_counted_only_when_asked_for(api):
    default = api.get("/v1/search", params={"q": "chef", "mode": "lexical"}).json()["facets"]
    assert set(default) == {
        "grand_domaine",
        "secteur",
        "centre_interet",
        "transition",
        "emploi_reglemente",
        "emploi_cadre",
        "type",
    }
    asked = {"q": "chef", "mode": "lexical", "facets": ["domaine_professionnel", "region"]}
    assert set(api.get("/v1/search", params=asked).json()["facets"]) == {
        "domaine_professionnel",
        "region",
    }
    for mode in ("lexical", "semantic", "hybrid"):
        none = api.get("/v1/search", params={"q": "chef", "mode": mode, "facets": "none"})
        assert none.status_code == 200, none.text
        assert none.json()["facets"] == {}
        assert none.json()["results"]
    wrong = api.get("/v1/search", params={"q": "chef", "facets": "couleur"})
    assert wrong.status_code == 422
    assert "facets.0" in {e["field"] for e in wrong.json()["errors"]}


def test_a_typo_no_label_has_is_read_again_allowing_typos(api):
    body = api.get("/v1/appellations/search", params={"q": "boulnger", "mode": "lexical"}).json()
    assert body["results"]
    assert body["results"][0]["libelle"].lower().startswith("boulang")


def test_facet_counts_ignore_their_own_selection(api):
    base = api.get("/v1/search", params={"q": "chef", "mode": "lexical"}).json()
    domaines = {f["value"]: f["count"] for f in base["facets"]["grand_domaine"]}
    assert len(domaines) >= 2, domaines
    chosen = "D"
    filtered = api.get(
        "/v1/search", params={"q": "chef", "mode": "lexical", "grand_domaine": chosen}
    ).json()
    again = {f["value"]: (f["count"], f["selected"]) for f in filtered["facets"]["grand_domaine"]}
    assert again[chosen] == (domaines[chosen], True)
    assert {v: c for v, (c, _) in again.items()} == domaines  # other values keep their counts
    assert filtered["total"] == domaines[chosen]
    assert all(r["type"] in {"appellation", "fiche"} for r in filtered["results"])


def test_synonym_and_abbreviation_reach_the_job(api):
    body = api.get("/v1/appellations/search", params={"q": "dev", "mode": "lexical"}).json()
    assert any(r["code_rome_parent"] == "M1805" for r in body["results"][:5])


def test_autocomplete_from_two_letters_and_with_a_typo(api):
    first = api.get("/v1/autocomplete", params={"q": "bo"}).json()["suggestions"]
    assert any(s["libelle"].startswith("Boulanger") for s in first)
    typo = api.get("/v1/autocomplete", params={"q": "boulnger"}).json()["suggestions"]
    assert typo
    assert typo[0]["libelle"].lower().startswith("boulang")


def test_autocomplete_completes_later_words_then_words_in_any_order(api):
    later = api.get("/v1/autocomplete", params={"q": "soign"}).json()["suggestions"]
    first = next(s for s in later if s["libelle"].startswith("Aide-soignant"))
    assert first["highlight"].startswith("Aide-<em>soignant</em>")
    assert first["code_rome"] == "J1501"
    # No label starts with these words in this order: the word-prefix query answers.
    reversed_words = api.get("/v1/autocomplete", params={"q": "soignant aide"}).json()
    assert any(s["libelle"].startswith("Aide-soignant") for s in reversed_words["suggestions"])


def test_an_index_without_autocomplete_indices_still_suggests_from_word_prefixes(
    api, es, api_prefix
):
    """An install indexed before autocomplete had its own indices (until its next `index`):
    the word-prefix pass answers alone, for one typed word too."""
    aliases = es.indices.get_alias(index=f"{api_prefix}-*-suggest").body
    pairs = [
        {"index": index, "alias": alias} for index, a in aliases.items() for alias in a["aliases"]
    ]
    assert len(pairs) == 3
    es.indices.update_aliases(actions=[{"remove": pair} for pair in pairs])
    try:
        for typed in ("boulang", "soign"):
            response = api.get("/v1/autocomplete", params={"q": typed})
            assert response.status_code == 200, response.text
            labels = [s["libelle"] for s in response.json()["suggestions"]]
            assert any(typed in fold(label) for label in labels), labels
    finally:
        es.indices.update_aliases(actions=[{"add": pair} for pair in pairs])


def test_competence_and_savoir_search(api):
    comp = api.get("/v1/competences/search", params={"q": "encaisser le montant d'une vente"})
    assert comp.status_code == 200
    assert comp.json()["results"]


def test_complete_fiche_and_404(api):
    fiche = api.get("/v1/metiers/M1805").json()
    assert fiche["libelle"].startswith("Développeur")
    assert fiche["competences"][0]["macros"]
    assert "M1855" in {c["code"] for c in fiche["enfants"]}
    missing = api.get("/v1/metiers/N9999")
    assert missing.status_code == 404
    assert missing.headers["content-type"] == "application/problem+json"


def test_competence_detail_has_its_path(api):
    fiche = api.get("/v1/metiers/D1102").json()
    group, comp = next(
        (g, c) for g in fiche["competences"] for m in g["macros"] for c in m["competences"]
    )
    detail = api.get(f"/v1/competences/{comp['code_ogr']}").json()
    assert detail["enjeu"]["code"] == group["enjeu"]["code"]
    assert any(f["code"] == "D1102" for f in detail["fiches"])


@pytest.mark.parametrize(
    ("path", "params", "field"),
    [
        ("/v1/search", {"q": ""}, "q"),
        ("/v1/search", {"q": "x" * 201}, "q"),
        ("/v1/search", {"q": "x", "size": 500}, "size"),
        ("/v1/search", {"q": "x", "mode": "magic"}, "mode"),
        ("/v1/search", {"q": "x", "emploi_reglemente": "AAA"}, "emploi_reglemente.0"),
        ("/v1/search", {"q": "x", "grand_domaine": "-4.79e+210"}, "grand_domaine.0"),
    ],
)
def test_bad_parameters_are_422_naming_the_field(api, path, params, field):
    response = api.get(path, params=params)
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    assert field in {e["field"] for e in response.json()["errors"]}


def test_a_path_that_is_no_code_is_a_problem_404_and_a_wrong_method_a_405(api):
    missing = api.get("/v1/metiers/not-a-code")
    assert missing.status_code == 404
    assert missing.headers["content-type"] == "application/problem+json"
    wrong = api.get("/v1/metiers/match")  # POST only: not taken for a code
    assert wrong.status_code == 405
    assert wrong.headers["allow"] == "POST"
    assert api.get("/v1/competences/extract").headers["allow"] == "POST"


def test_a_body_that_is_not_json_is_a_422(api):
    response = api.post(
        "/v1/competences/extract", content=b"(\xff", headers={"content-type": "application/json"}
    )
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"


@pytest.mark.parametrize("q", ['"unbalanced', "a AND OR (", "*:*", "\\", "é" * 200, "<script>"])
def test_query_syntax_never_fails(api, q):
    assert api.get("/v1/search", params={"q": q}).status_code == 200


def test_ready_checks_indices_and_embedding(api):
    body = api.get("/ready").json()
    assert body["status"] == "ready"
    assert body["indices"]["fiches"] > 0
    assert body["embedding"]["dims"] == 384


def test_proches_list_official_mobilites_then_computed_with_shared_and_missing(api):
    body = api.get("/v1/metiers/M1805/proches", params={"size": 5}).json()
    assert body["code_rome"] == "M1805"
    proches = body["proches"]
    assert proches
    assert "M1805" not in {p["code_rome"] for p in proches}
    kinds = [p["source"] for p in proches]
    assert kinds == sorted(kinds, key=lambda k: k != "mobilite")  # official ones first
    computed = [p for p in proches if p["source"] == "competences"]
    assert computed
    assert [p["score"] for p in computed] == sorted((p["score"] for p in computed), reverse=True)
    for p in proches:
        assert 0 <= p["score"] <= 1
        shared = {c["code"] for c in p["shared"]}
        assert not shared & {c["code"] for c in p["missing"]}
    assert computed[0]["shared"]
    assert api.get("/v1/metiers/N9999/proches").status_code == 404


def test_browse_entry_points_and_metiers_under_them(api):
    domaines = api.get("/v1/parcourir/grands_domaines").json()
    codes = {d["code"]: d for d in domaines}
    assert {"D", "J", "M"} <= set(codes)
    assert codes["D"]["libelle"].startswith("Commerce")
    under_d = api.get("/v1/metiers", params={"grand_domaine": "D"}).json()
    assert under_d["total"] == codes["D"]["metiers"]
    labels = [m["libelle"] for m in under_d["metiers"]]
    assert labels == sorted(labels, key=str.casefold)
    assert "D1102" in {m["code_rome"] for m in under_d["metiers"]}
    by_letter = api.get("/v1/metiers", params={"lettre": "b"}).json()
    assert by_letter["metiers"]
    assert all(m["libelle"].lower().startswith("b") for m in by_letter["metiers"])
    centres = api.get("/v1/parcourir/centres_interet").json()
    assert centres
    first = api.get("/v1/metiers", params={"centre_interet": centres[0]["code"]}).json()
    assert first["total"] == centres[0]["metiers"]
    assert api.get("/v1/parcourir/planetes").status_code == 422
    assert api.get("/v1/metiers", params={"lettre": "ab"}).status_code == 422
