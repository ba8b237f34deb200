"""The whole transition journey in a real Chromium: describe an experience, keep compétences,
see the métiers within reach, open one, follow a "Passer à l'action" link (its URL only, the
external site is not loaded), download the CV and read it back; axe-core finds no violation
on any new page; the same with the keyboard alone and without JavaScript; `/metrics` counts
the journey's events."""

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe  # type: ignore[import-untyped]
from playwright.sync_api import Page, expect
from prometheus_client.parser import text_string_to_metric_families
from pypdf import PdfReader

from search_api.journey.actions import load_catalogue
from tests.web.test_browser import tab_to, watch_errors

pytestmark = pytest.mark.browser

SUPERETTE = (
    "J'ai tenu la caisse et fait la mise en rayon dans une supérette.\n"
    "Je n'ai jamais encadré d'équipe."
)
HOSTS = {p.url.split("/")[2] for s in load_catalogue().services.values() for p in s.links}


@pytest.fixture(scope="module")
def axe() -> Axe:
    return Axe()


def accessible(page: Page, axe: Axe) -> None:
    """axe-core finds nothing on the page as it is now."""
    results = axe.run(page)
    assert results.violations_count == 0, results.generate_report()


def counters(page: Page, base: str) -> dict[tuple[str, frozenset[tuple[str, str]]], float]:
    """Every sample of `/metrics`."""
    exposition = page.request.get(base + "/metrics").text()
    return {
        (s.name, frozenset(s.labels.items())): s.value
        for family in text_string_to_metric_families(exposition)
        for s in family.samples
    }


def profile_of(url: str) -> list[str]:
    """The codes the address carries."""
    return parse_qs(urlsplit(url).query)["c"][0].split(",")


def check_exit(page: Page, base: str, href: str) -> None:
    """A "Passer à l'action" link counts, then leads to its service for the fiche."""
    assert href.startswith("/sortie/"), href
    response = page.request.get(base + href, max_redirects=0)
    assert response.status == 302
    target = urlsplit(response.headers["location"])
    assert target.scheme == "https"
    assert target.netloc in HOSTS


def read_cv(path: Path) -> str:
    """The PDF's text, whitespace evened out."""
    reader = PdfReader(path)
    assert 1 <= len(reader.pages) <= 2
    return " ".join(" ".join(p.extract_text() for p in reader.pages).split())


def describe(page: Page) -> list[str]:
    """Submit the text (already typed) and wait for the compétences found; their labels."""
    expect(page.locator("#lecture")).to_contain_text("compétence")
    return page.locator("form.keep label[for^=k-]").all_inner_texts()


def test_the_whole_journey_with_javascript(page, live_api, axe):
    errors = watch_errors(page)
    before = counters(page, live_api)
    page.goto(live_api + "/ce-que-j-ai-fait")
    accessible(page, axe)
    page.get_by_label("Décrivez ce que vous avez fait, avec vos mots").fill(SUPERETTE)
    page.get_by_role("button", name="Trouver mes compétences").click()
    labels = describe(page)
    expect(page.locator("blockquote mark").first).to_be_visible()
    expect(page.locator("blockquote s")).to_contain_text("jamais encadré")
    accessible(page, axe)
    boxes = page.locator("form.keep input[type=checkbox]")
    assert boxes.count() >= 2
    boxes.last.uncheck()
    page.get_by_role("button", name="Ajouter à mon profil").click()
    page.wait_for_url("**/profil?c=*")
    kept = profile_of(page.url)
    assert len(kept) == len(labels) - 1
    assert page.evaluate("localStorage.getItem('metierscope.profil')") == ",".join(kept)
    accessible(page, axe)
    page.get_by_role("link", name="Les métiers à ma portée").click()
    page.wait_for_url("**/profil/metiers?*")
    expect(page.locator("ol.reach h2 a").first).to_be_visible()
    expect(page.locator(".distance").first).to_contain_text("acquérir")
    accessible(page, axe)
    page.locator("ol.reach h2 a").first.click()
    page.wait_for_url("**/metiers/*")
    exits = page.locator("#action ul.actions a")
    assert exits.count() == len(load_catalogue().services)
    accessible(page, axe)
    href = exits.first.get_attribute("href")
    assert href
    check_exit(page, live_api, href)
    page.get_by_role("link", name="Mon profil").click()  # the script carries the profile
    page.wait_for_url("**/profil?c=*")
    assert profile_of(page.url) == kept
    page.get_by_role("link", name="Préparer mon CV").click()
    page.wait_for_url("**/profil/cv?*")
    accessible(page, axe)
    page.get_by_label("Prénom et nom (obligatoire)").fill("Camille Martin")
    page.locator("#f-exp2_fin").fill("2020")  # an experience without its title
    page.get_by_role("button", name="Télécharger le CV (PDF)").click()
    expect(page.get_by_role("alert")).to_contain_text("Intitulé du poste (expérience 2)")
    page.wait_for_load_state("networkidle")
    assert page.url.endswith("/profil/cv.pdf")  # shown again as posted, not reloaded
    accessible(page, axe)
    page.locator("#f-exp2_fin").fill("")
    page.locator("#f-exp1_intitule").fill("Employée de supérette")
    with page.expect_download() as download:
        page.get_by_role("button", name="Télécharger le CV (PDF)").click()
    printed = read_cv(Path(download.value.path()))
    assert "Camille Martin" in printed
    assert "Employée de supérette" in printed
    assert " ".join(labels[0].split()) in printed
    assert " ".join(labels[-1].split()) not in printed  # the one removed
    page.goto(live_api + "/stats")
    accessible(page, axe)
    assert errors == []
    after = counters(page, live_api)
    service = href.split("/")[2].split("?")[0]
    journey = [
        (
            "metierscope_http_requests_total",
            {"method": "POST", "route": "/ce-que-j-ai-fait", "status": "200"},
        ),
        (
            "metierscope_http_requests_total",
            {"method": "GET", "route": "/profil/metiers", "status": "200"},
        ),
        (
            "metierscope_http_requests_total",
            {"method": "POST", "route": "/profil/cv.pdf", "status": "200"},
        ),
        ("metierscope_action_clicks_total", {"service": service}),
    ]
    for name, labels_ in journey:
        key = (name, frozenset(labels_.items()))
        assert after.get(key, 0) == before.get(key, 0) + 1, key


def test_the_journey_with_the_keyboard_alone(page, live_api):
    errors = watch_errors(page)
    page.goto(live_api + "/ce-que-j-ai-fait")
    tab_to(page, "#texte")
    page.keyboard.type(SUPERETTE)
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    labels = describe(page)
    tab_to(page, "form.keep input[type=checkbox]")
    page.keyboard.press("Space")  # the first one is not kept
    tab_to(page, "form.keep button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url("**/profil?c=*")
    assert len(profile_of(page.url)) == len(labels) - 1
    tab_to(page, 'a[href^="/profil/metiers"]')
    page.keyboard.press("Enter")
    page.wait_for_url("**/profil/metiers?*")
    tab_to(page, "ol.reach h2 a")
    page.keyboard.press("Enter")
    page.wait_for_url("**/metiers/*")
    tab_to(page, 'a[href="#action"]')
    page.keyboard.press("Enter")
    tab_to(page, "#action ul.actions a")
    href = page.evaluate("document.activeElement.getAttribute('href')")
    check_exit(page, live_api, href)
    tab_to(page, "a[data-profile-link]")
    page.keyboard.press("Enter")
    page.wait_for_url("**/profil?c=*")
    tab_to(page, 'a[href^="/profil/cv"]')
    page.keyboard.press("Enter")
    page.wait_for_url("**/profil/cv?*")
    tab_to(page, "#f-nom")
    page.keyboard.type("Camille Martin")
    with page.expect_download() as download:
        tab_to(page, "form.cv button[type=submit]")
        page.keyboard.press("Enter")
    assert "Camille Martin" in read_cv(Path(download.value.path()))
    assert errors == []


def test_the_journey_without_javascript(page_without_js, live_api):
    page = page_without_js
    page.goto(live_api + "/ce-que-j-ai-fait")
    page.fill("#texte", SUPERETTE)
    page.get_by_role("button", name="Trouver mes compétences").click()
    labels = describe(page)
    page.get_by_role("button", name="Ajouter à mon profil").click()
    page.wait_for_url("**/profil?c=*")
    kept = profile_of(page.url)
    assert len(kept) == len(labels)
    page.get_by_role("link", name="Les métiers à ma portée").click()
    page.locator("ol.reach h2 a").first.click()
    page.wait_for_url("**/metiers/*")
    page.get_by_role("button", name="Ajouter ses compétences clés à mon profil").click()
    page.wait_for_url("**/profil?c=*")
    grown = profile_of(page.url)
    assert grown[: len(kept)] == kept  # the address carried the profile to the fiche and back
    assert len(grown) > len(kept)
    page.get_by_role("link", name="Préparer mon CV").click()
    page.fill("#f-nom", "Camille Martin")
    with page.expect_download() as download:
        page.get_by_role("button", name="Télécharger le CV (PDF)").click()
    assert "Camille Martin" in read_cv(Path(download.value.path()))


@pytest.mark.parametrize(
    "path",
    [
        "/ce-que-j-ai-fait",
        "/profil?c=118069,117468",
        "/profil/metiers?c=118069,117468&territoire=departement-07",
        "/profil/cv?c=118069",
        "/metiers/D1507?territoire=departement-07",
        "/stats",
    ],
)
def test_journey_pages_reflow_at_320_pixels(browser, live_api, path):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(live_api + path)
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    context.close()
