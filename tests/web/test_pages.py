"""The pages served by the app over the API test index (real engine, real export subset):
statuses, what each page shows, errors as pages, and the assets budget."""

import html as entities
import re
from pathlib import Path

import pytest
from prometheus_client.parser import text_string_to_metric_families

from search_api.web.templating import STATIC

PAGES = (
    "/",
    "/recherche?q=infirmier",
    "/recherche?q=zzqxwv",
    "/metiers/J1506",
    "/metiers/M1805?territoire=departement-07",
    "/territoire?q=ard",
)
BUDGET = 30 * 1024  # bytes of JavaScript, and of CSS, in all


def text(html: str) -> str:
    """The visible words of a page, whitespace collapsed."""
    return " ".join(entities.unescape(re.sub(r"<[^>]+>", " ", html)).split())


@pytest.mark.parametrize("path", PAGES)
def test_pages_are_french_html_with_no_inline_script_or_style(api, path):
    response = api.get(path)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/html")
    html = response.text
    assert '<html lang="fr">' in html
    assert 'href="#contenu"' in html
    assert not re.search(r"<script(?![^>]*\bsrc=)", html), "inline script"
    assert " style=" not in html
    assert not re.search(r"\son[a-z]+=", html), "inline event handler"


def test_results_group_by_type_metiers_first_with_highlights(api):
    html = api.get("/recherche?q=infirmier").text
    headings = re.findall(r'<h2 id="g-(\w+)">', html)
    assert headings[0] == "fiche"
    assert headings == sorted(headings, key=["fiche", "appellation", "competence", "savoir"].index)
    assert "<mark>Infirmier</mark>" in html
    assert 'href="/metiers/J1506"' in html


def test_facets_are_multi_select_and_keep_their_alternatives(api):
    one = api.get("/recherche?q=chef").text
    domains = re.findall(r'name="grand_domaine" value="(\w)"', one)
    assert len(domains) >= 2
    both = api.get(f"/recherche?q=chef&grand_domaine={domains[0]}").text
    assert re.findall(r'name="grand_domaine" value="(\w)"', both) == domains
    assert f'name="grand_domaine" value="{domains[0]}" checked' in both
    assert "Appliquer les filtres" in both


def test_no_result_suggests_a_spelling_and_the_nearest_metiers(api):
    html = api.get("/recherche?q=ifnirmier").text
    assert "Aucun résultat ne contient ces mots" in html
    assert "Vouliez-vous dire" in html
    assert re.search(r'href="/recherche\?q=Infirmier', html)
    nearest = html.split("Les métiers les plus proches par le sens")[1]
    assert 'href="/metiers/' in nearest


def test_pagination_links_keep_the_query_and_filters(api):
    html = api.get("/recherche?q=chef&type=appellation&type=competence").text
    assert 'rel="next"' in html
    following = re.findall(r'href="([^"]+)" rel="next"', html)[0]
    assert "q=chef" in following
    assert "type=appellation&amp;type=competence" in following
    assert "page=2" in following
    assert api.get(following.replace("&amp;", "&")).status_code == 200


def test_a_fiche_shows_every_section(api):
    html = api.get("/metiers/J1506").text
    words = text(html)
    for heading in (
        "Définition",
        "Accès au métier",
        "Appellations",
        "Compétences",
        "Savoirs",
        "Contextes de travail",
        "Secteurs d’activité",
        "Centres d’intérêt",
        "Fiches emploi rattachées",
        "Métiers proches",
        "Marché du travail",
    ):
        assert f">{heading}" in html, heading
    assert "Diplôme d'Etat d'Infirmier" in words
    assert "cœur de métier (principale)" in words
    assert re.search(r'<li><a href="/metiers/J15\d\d">', html)  # fiches emploi
    proches = html.split('id="proches-t"')[1].split("</section>")[0]
    assert "compétences en commun" in proches
    assert "à acquérir" in proches


def test_a_fiche_emploi_links_up_to_its_fiche_metier(api):
    html = api.get("/metiers/J1508").text
    assert "Fiche métier de rattachement" in html
    assert 'href="/metiers/J1506"' in html


def test_the_market_compares_the_territory_with_france(api):
    html = api.get("/metiers/M1805?territoire=departement-07").text
    market = text(html.split('id="marche-t"')[1])
    assert "Ardèche" in market
    assert "France entière" in market
    assert re.search(r"\d+ offres?", market)
    assert "<svg" in html
    assert "<table>" in html
    assert "Offres publiées par semaine" in market
    assert "Dernières offres en Ardèche" in market
    assert "Développeur" in market


def test_an_empty_market_says_so(api):
    html = api.get("/metiers/J1506?territoire=departement-07").text
    assert "Aucune offre d’emploi pour ce métier dans ce territoire (Ardèche)" in html


def test_the_territory_is_carried_in_every_link(api):
    html = api.get("/metiers/J1506?territoire=region-84").text
    assert "Auvergne-Rhône-Alpes" in html
    links = re.findall(r'href="(/(?:metiers|recherche|parcourir|competences)[^"]*)"', html)
    assert links
    assert all("territoire=region-84" in link for link in links)


def test_choosing_a_territory_remembers_it_and_goes_back(api):
    response = api.get(
        "/territoire/choisir?t=departement-07&retour=/metiers/J1506", follow_redirects=False
    )
    assert response.status_code == 303
    assert response.headers["location"] == "/metiers/J1506?territoire=departement-07"
    assert "territoire=departement-07" in response.headers["set-cookie"]
    try:
        assert "Territoire&nbsp;: <strong>Ardèche</strong>" in api.get("/").text
    finally:
        forgot = api.get("/territoire/choisir?t=&retour=/", follow_redirects=False)
        assert forgot.headers["location"] == "/"
    assert "Toute la France" in api.get("/").text


def test_choosing_refuses_to_leave_the_site(api):
    response = api.get(
        "/territoire/choisir?t=region-84&retour=//evil.example/", follow_redirects=False
    )
    assert response.headers["location"] == "/?territoire=region-84"
    api.cookies.clear()


@pytest.mark.parametrize(
    ("path", "status", "words"),
    [
        ("/metiers/A9999", 404, "Page introuvable"),
        ("/territoire/choisir?t=departement-999", 404, "Page introuvable"),
        ("/metiers/J1506?territoire=departement-999", 404, "Page introuvable"),
        ("/metiers/J1506?territoire=pays-fr", 422, "Demande invalide"),
        ("/recherche?q=a&page=99", 422, "Demande invalide"),
        ("/recherche?q=a&grand_domaine=ZZ", 422, "Demande invalide"),
        ("/recherche?q=" + "a" * 201, 422, "Demande invalide"),
        ("/territoire/choisir?t=nowhere", 422, "Demande invalide"),
    ],
)
def test_bad_addresses_are_error_pages(api, path, status, words):
    response = api.get(path, follow_redirects=False)
    assert response.status_code == status
    assert response.headers["content-type"].startswith("text/html")
    assert words in response.text


def test_the_json_api_and_its_docs_stay_where_they_were(api):
    assert api.get("/v1/metiers/J1506").json()["code_rome"] == "J1506"
    assert api.get("/docs").status_code == 200
    assert "/recherche" not in api.get("/openapi.json").json()["paths"]


def test_static_assets_are_served_within_budget(api):
    for kind in ("js", "css"):
        files = sorted(Path(STATIC).glob(f"*.{kind}"))
        assert files
        assert sum(f.stat().st_size for f in files) <= BUDGET, kind
        for f in files:
            assert api.get(f"/static/{f.name}").status_code == 200


def test_with_a_territory_results_count_offers_there_and_facet_by_place(api):
    html = api.get("/recherche?q=boulanger&territoire=departement-07").text
    assert "Département (offres)" in html
    assert re.search(r'class="offers">[1-9]\d* offres?<', html)
    filtered = api.get("/recherche?q=boulanger&departement=07").text
    assert 'name="departement" value="07" checked' in filtered


def test_a_to_z_counts_each_letter_and_lists_its_metiers(api):
    letters = api.get("/parcourir/a-z").text
    assert re.search(r'href="/parcourir/a-z/D">D<small>[1-9]', letters)
    html = api.get("/parcourir/a-z/d").text
    assert 'href="/metiers/D1102"' not in html  # Boulanger starts with B
    assert 'href="/metiers/M1805"' in html  # Développeur
    assert '<span aria-current="page">D</span>' in html


def test_domaines_group_the_domaines_professionnels_under_their_grand_domaine(api):
    html = api.get("/parcourir/domaines").text
    section = html.split('id="d-D"')[1].split("</section>")[0]
    assert 'href="/parcourir/domaines/D11"' in section
    assert 'href="/parcourir/domaines/M' not in section
    metiers = api.get("/parcourir/domaines/D11").text
    assert 'href="/metiers/D1102"' in metiers
    assert api.get("/parcourir/domaines/A99").status_code == 404


def test_entry_points_list_values_with_counts_and_their_metiers(api):
    html = api.get("/parcourir/secteurs").text
    codes = re.findall(
        r'href="/parcourir/secteurs/(\d+)">[^<]+</a> <span class="count">[1-9]', html
    )
    assert codes
    secteur = api.get(f"/parcourir/secteurs/{codes[0]}").text
    assert 'href="/metiers/' in secteur
    assert "Sous-secteurs" in secteur
    assert api.get("/parcourir/centres-interet").status_code == 200
    assert api.get("/parcourir/secteurs/9999").status_code == 404


def test_metiers_d_avenir_by_transition(api):
    html = api.get("/parcourir/metiers-d-avenir").text
    for heading in ("Transition écologique", "Transition numérique", "Transition démographique"):
        assert heading in html
    numerique = api.get("/parcourir/metiers-d-avenir/numerique").text
    assert 'href="/metiers/M1805"' in numerique
    assert api.get("/parcourir/metiers-d-avenir/nucleaire").status_code == 404


def test_the_competences_tree_and_a_macro_with_its_savoir_faire_and_metiers(api):
    tree = api.get("/competences").text
    assert tree.count("<details>") >= 2
    assert 'href="/competences/300044"' in tree
    macro = api.get("/competences/300044").text
    assert "Surveiller l&#39;état de santé d&#39;une personne" in macro
    assert 'href="/competences/107736"' in macro  # one of its savoir-faire
    assert 'href="/metiers/J1506"' in macro
    savoir_faire = api.get("/competences/107736").text
    assert "Au cœur du métier" in savoir_faire
    assert 'href="/competences/300044"' in savoir_faire  # up to its macro
    assert api.get("/competences/999999999").status_code == 404


def _metric(api, name: str, **labels: str) -> float:
    """The value of one sample of /metrics (0 when absent)."""
    for family in text_string_to_metric_families(api.get("/metrics").text):
        for sample in family.samples:
            if sample.name == name and all(sample.labels.get(k) == v for k, v in labels.items()):
                return float(sample.value)
    return 0.0


def test_pages_count_fiche_openings_and_zero_result_searches(api):
    openings = _metric(api, "metierscope_fiche_openings_total", code_rome="J1506")
    zero = _metric(api, "metierscope_zero_result_searches_total")
    assert api.get("/metiers/J1506").status_code == 200
    assert api.get("/recherche", params={"q": "zzqxwvkj"}).status_code == 200
    assert _metric(api, "metierscope_fiche_openings_total", code_rome="J1506") == openings + 1
    assert _metric(api, "metierscope_zero_result_searches_total") == zero + 1
    assert "zzqxwvkj" not in api.get("/metrics").text
