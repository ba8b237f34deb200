"""The journey's pages over the API test index (real engine, real extraction and matching):
"ce que j'ai fait", the profile in the URL, the métiers within reach, the CV, "Passer à
l'action" on the fiches, the team's indicators, and bad input as 4xx pages."""

import io
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from pypdf import PdfReader

from search_api.journey.actions import load_catalogue
from tests.journey.test_metrics import scrape, value
from tests.web.test_pages import test_pages_are_french_html_with_no_inline_script_or_style, text

SUPERETTE = (
    "J'ai tenu la caisse et fait la mise en rayon dans une supérette.\n"
    "Je n'ai jamais encadré d'équipe."
)
PAGES = (
    "/ce-que-j-ai-fait",
    "/profil?c=118069,117468",
    "/profil?q=caisse",
    "/profil/metiers?c=118069&territoire=departement-07",
    "/profil/cv?c=118069",
    "/stats",
)
REQUESTS = "metierscope_http_requests_total"


@pytest.fixture(scope="module")
def described(api) -> str:
    """The result page of the supérette text."""
    response = api.post("/ce-que-j-ai-fait", data={"texte": SUPERETTE})
    assert response.status_code == 200, response.text
    return str(response.text)


def kept_codes(html: str) -> list[str]:
    """The codes of the checkboxes the result offers to keep."""
    return re.findall(r'type="checkbox" id="k-\d+" name="c" value="(\d+)" checked', html)


@pytest.mark.parametrize("path", PAGES)
def test_journey_pages_are_french_html_with_no_inline_script_or_style(api, path):
    test_pages_are_french_html_with_no_inline_script_or_style(api, path)


def test_the_form_asks_in_the_persons_words(api):
    html = api.get("/ce-que-j-ai-fait").text
    assert '<label for="texte">Décrivez ce que vous avez fait, avec vos mots</label>' in html
    assert 'method="post"' in html
    assert '<textarea id="texte" name="texte"' in html


def test_the_form_asks_for_the_job_title_too_and_reads_it(api):
    html = api.get("/ce-que-j-ai-fait").text
    assert '<label for="poste">Intitulé du poste (facultatif)</label>' in html
    assert '<input id="poste" name="poste" type="text" maxlength="150"' in html
    texte = "Je livrais les commandes aux clients."
    alone = api.post("/ce-que-j-ai-fait", data={"texte": texte}).text
    titled = api.post("/ce-que-j-ai-fait", data={"texte": texte, "poste": " Chauffeur\tlivreur "})
    assert titled.status_code == 200
    assert 'value="Chauffeur livreur"' in titled.text  # kept in the form, on one line
    assert "Livrer une commande" not in alone
    assert "Livrer une commande" in titled.text


def test_a_title_too_long_shows_the_form_again_with_why_on_that_field(api):
    response = api.post("/ce-que-j-ai-fait", data={"texte": SUPERETTE, "poste": "x" * 151})
    assert response.status_code == 422
    assert "L’intitulé du poste dépasse 150 caractères" in text(response.text)
    field = response.text.split('<input id="poste"')[1].split(">")[0]
    assert 'aria-invalid="true"' in field
    assert 'aria-invalid="true"' not in response.text.split("<textarea")[1].split(">")[0]


def test_the_words_behind_the_competences_are_marked_in_the_text(described):
    told = described.split("<blockquote>")[1].split("</blockquote>")[0]
    marked = re.findall(r"<mark>([^<]+)</mark>", told)
    assert "caisse" in marked
    assert re.sub(r"<[^>]+>", "", told).startswith("J&#39;ai tenu la caisse")
    assert "<mark>Gérer une caisse" not in described  # labels are not marked, the text is
    for excerpt in re.findall(r'<p class="excerpt">(.*?)</p>', described):
        assert "<mark>" in excerpt


def test_a_negated_clause_is_shown_struck_through_and_ignored(described):
    told = described.split("<blockquote>")[1].split("</blockquote>")[0]
    assert re.search(r"<s>Je n&#39;ai jamais encadré d&#39;équipe\.?</s> <span", told)
    assert "ignoré : négation" in told
    labels = " ".join(re.findall(r'<label for="k-\d+">([^<]+)</label>', described))
    assert "ncadr" not in labels


def test_competences_are_grouped_by_macro_and_inferred_ones_name_their_metier(described):
    legends = re.findall(r"<legend>([^<]+)</legend>", described)
    assert "Gérer une caisse" in legends
    assert len(legends) == len(set(legends))
    assert kept_codes(described)
    inferred = re.findall(r"déduit du métier</strong> ([^<]+)</p>", described)
    assert inferred, "the fiches the text describes imply more than its words name"
    assert all(label.strip() for label in inferred)


def test_the_result_keeps_competences_into_the_profile_by_a_get_form(described):
    form = described.split('<form class="keep" action="/profil" method="get">')[1]
    assert '<input type="hidden" name="c" value="" data-profile-field>' in form
    assert 'name="q" type="search"' in form  # and adds more from a search


@pytest.mark.parametrize(
    ("texte", "message"),
    [
        ("   ", "Écrivez quelques phrases"),
        ("x" * 5001, "dépasse 5000 caractères"),
        ("I worked as a cashier in a small shop and managed the stock every week.", "français"),
    ],
)
def test_a_text_that_cannot_be_read_shows_the_form_again_with_why(api, texte, message):
    response = api.post("/ce-que-j-ai-fait", data={"texte": texte})
    assert response.status_code == 422
    assert message in text(response.text)
    assert 'aria-invalid="true"' in response.text


def test_a_body_that_is_not_a_form_is_a_422_page(api):
    response = api.post("/ce-que-j-ai-fait", json={"texte": SUPERETTE})
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("text/html")


def test_the_profile_lives_in_the_url_grouped_with_a_remove_link_each(api, described):
    codes = kept_codes(described)
    html = api.get("/profil", params={"c": ",".join(codes)}).text
    assert f'data-profile="{",".join(codes)}"' in html
    for code in codes:
        assert f'href="/competences/{code}"' in html or code in html
    removing = re.findall(r'class="remove" href="/profil\?c=([^"]+)"', html)
    assert len(removing) == len(codes)
    first = parse_qs(urlsplit(f"/profil?c={removing[0]}").query)["c"][0]
    assert first.split(",") == codes[1:]
    assert "le serveur n’enregistre rien" in text(html).lower()


def test_repeated_codes_redirect_to_one_shareable_list_and_unknown_ones_are_dropped(api):
    response = api.get("/profil?c=&c=118069&c=117468,118069&q=", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/profil?c=118069%2C117468"
    html = api.get("/profil?c=118069,117468,999999999").text
    assert 'data-profile="118069,117468"' in html
    assert "1 code inconnu a été retiré" in text(html)


def test_a_search_offers_competences_to_add(api):
    html = api.get("/profil", params={"c": "118069", "q": "rayon"}).text
    adds = re.findall(r'href="/profil\?c=118069%2C(\d+)&amp;ajoutees=1"', html)
    assert adds
    assert "118069" not in adds


@pytest.mark.parametrize("path", ["/profil?c=12a", "/profil/metiers?c=1;2", "/profil/cv?c=x"])
def test_a_malformed_profile_is_a_422_page(api, path):
    response = api.get(path)
    assert response.status_code == 422
    assert "Demande invalide" in response.text


def test_adding_merges_the_kept_profile_the_page_carried_and_the_new_codes(api):
    response = api.get(
        "/profil/ajouter",
        params={"code": "117468", "c": "118069", "retour": "/metiers/D1507?c=300375"},
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert response.headers["location"] == "/profil?c=118069%2C300375%2C117468&ajoutees=1"


def test_adding_a_fiche_adds_its_core_competences(api):
    core = api.get("/v1/metiers/D1507").json()["competences"]
    starred = {
        c["code_ogr"]
        for group in core
        for macro in group["macros"]
        for c in macro["competences"]
        if c["coeur_metier"]
    }
    response = api.get("/profil/ajouter?fiche=D1507", follow_redirects=False)
    added = parse_qs(urlsplit(response.headers["location"]).query)["c"][0].split(",")
    assert starred <= set(added)
    assert api.get("/profil/ajouter?fiche=D9999").status_code == 404
    assert api.get("/profil/ajouter").status_code == 422
    outside = api.get(
        "/profil/ajouter?code=1&retour=//evil.example/?c=2", follow_redirects=False
    ).headers["location"]
    assert outside == "/profil?c=1&ajoutees=1"


@pytest.mark.parametrize(
    ("path", "form"),
    [("/metiers/D1507", 'name="fiche" value="D1507"'), ("/competences/118069", 'name="code"')],
)
def test_fiche_and_competence_pages_have_an_add_to_profile_button(api, path, form):
    html = api.get(path).text
    assert '<form class="add" action="/profil/ajouter" method="get">' in html
    assert form in html
    assert "à mon profil</button>" in html


def test_metiers_within_reach_are_those_of_the_match_api_with_their_distance(api, described):
    codes = kept_codes(described)
    matched = api.post("/v1/metiers/match", json={"competences": codes, "size": 20}).json()
    html = api.get("/profil/metiers", params={"c": ",".join(codes)}).text
    shown = re.findall(r'<h2><a href="/metiers/(\w+)\?c=', html)
    assert shown == [r["code_rome"] for r in matched["results"]][: len(shown)]
    assert shown
    distances = re.findall(r'<strong class="distance">(\d+) compétences? à acquérir', html)
    assert [int(d) for d in distances] == [
        len(r["missing"]) for r in matched["results"][: len(distances)]
    ]
    nearest = api.get("/profil/metiers", params={"c": ",".join(codes), "tri": "distance"}).text
    ordered = [int(d) for d in re.findall(r'class="distance">(\d+) comp', nearest)]
    assert ordered == sorted(ordered)


def test_within_reach_filters_on_the_offers_of_the_territory(api, described):
    params = {"c": ",".join(kept_codes(described)), "territoire": "departement-07"}
    every = api.get("/profil/metiers", params=params).text
    hiring = api.get("/profil/metiers", params=params | {"recrutent": "true"}).text
    offers = [int(n) for n in re.findall(r'class="offers">(\d+) offres? en Ardèche', hiring)]
    assert offers
    assert all(n > 0 for n in offers)
    assert "0 offre en Ardèche" in every  # D1507 has no offer in the test index
    assert 'name="recrutent" value="true" checked' in hiring


def test_the_cv_form_posts_to_a_pdf_with_the_profiles_competences(api):
    form = api.get("/profil/cv?c=118069,117468&metier=D1505").text
    assert 'action="/profil/cv.pdf" method="post"' in form
    assert 'value="Hôte / Hôtesse de caisse"' in form or "caisse" in form
    response = api.post(
        "/profil/cv.pdf",
        data={
            "c": "118069,117468",
            "nom": "Camille Martin",
            "email": "camille@example.org",
            "exp1_intitule": "Employée de supérette",
            "exp1_debut": "2019",
        },
    )
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/pdf"
    assert "attachment" in response.headers["content-disposition"]
    reader = PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) == 1
    printed = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    for words in ("Camille Martin", "Gérer une caisse", "Réaliser la mise en rayon", "2019"):
        assert words in printed


def test_a_refused_cv_field_shows_the_form_again_with_the_message(api):
    response = api.post(
        "/profil/cv.pdf",
        data={"c": "118069", "nom": "Camille", "email": "pas-une-adresse", "exp2_fin": "2020"},
    )
    assert response.status_code == 422
    page = text(response.text)
    assert "« Adresse e-mail » n’a pas la forme attendue." in page
    assert "« Intitulé du poste (expérience 2) » est à remplir." in page
    assert 'value="Camille"' in response.text  # kept as typed, in this answer only
    empty = api.post("/profil/cv.pdf", data={"c": "", "nom": "Camille"})
    assert empty.status_code == 422
    assert "Votre profil est vide" in text(empty.text)


def test_every_fiche_lists_the_services_through_the_counted_redirect(api):
    html = api.get("/metiers/J1506?territoire=departement-07").text
    section = html.split('<section id="action"')[1].split("</section>")[0]
    links = re.findall(r'<a href="(/sortie/(\w+)\?[^"]+)">', section)
    assert {service for _, service in links} == set(load_catalogue().services)
    assert 'href="#action"' in html
    before = scrape(api)
    for escaped, _ in links:
        href = escaped.replace("&amp;", "&")
        assert parse_qs(urlsplit(href).query) == {
            "code_rome": ["J1506"],
            "territoire": ["departement-07"],
        }
        response = api.get(href, follow_redirects=False)
        assert response.status_code == 302
        host = urlsplit(response.headers["location"]).netloc
        assert f"({host})" in section
    after = scrape(api)
    for _, service in links:
        clicks = "metierscope_action_clicks_total"
        assert value(after, clicks, service=service) == value(before, clicks, service=service) + 1


def test_the_stats_page_shows_the_counts_and_the_json_moved_to_v1(api):
    assert api.get("/metiers/D1102").status_code == 200
    openings = {c["key"]: c["count"] for c in api.get("/v1/stats").json()["fiche_openings"]}
    html = api.get("/stats").text
    assert "<h1>Indicateurs d’usage</h1>" in html
    row = re.search(
        r'href="/metiers/D1102">([^<]+)</a> <span class="code">D1102</span>.*?<td>(\d+)', html
    )
    assert row
    assert row.group(1).startswith("Boulanger")
    assert int(row.group(2)) == openings["D1102"]


def test_metrics_count_the_journeys_pages(api):
    before = scrape(api)
    api.post("/ce-que-j-ai-fait", data={"texte": "   "})
    api.get("/profil/metiers?c=118069")
    api.post("/profil/cv.pdf", data={"c": "118069", "nom": "Camille"})
    after = scrape(api)
    for method, route, status in [
        ("POST", "/ce-que-j-ai-fait", "422"),
        ("GET", "/profil/metiers", "200"),
        ("POST", "/profil/cv.pdf", "200"),
    ]:
        labels = {"method": method, "route": route, "status": status}
        assert value(after, REQUESTS, **labels) == value(before, REQUESTS, **labels) + 1
