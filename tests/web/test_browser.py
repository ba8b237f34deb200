"""The pages in a real Chromium: axe-core on every page type, the keyboard-only journey, the
no-JavaScript journey, and reflow at 320 px."""

import pytest
from axe_playwright_python.sync_playwright import Axe  # type: ignore[import-untyped]
from playwright.sync_api import ConsoleMessage, Page, expect

pytestmark = pytest.mark.browser

PAGE_TYPES = {
    "accueil": "/",
    "resultats": "/recherche?q=infirmier",
    "resultats-filtres": "/recherche?q=chef&grand_domaine=M&territoire=departement-07",
    "aucun-resultat": "/recherche?q=ifnirmier",
    "fiche": "/metiers/J1506",
    "fiche-marche": "/metiers/M1805?territoire=departement-07",
    "territoire": "/territoire?q=ard",
    "a-z": "/parcourir/a-z/D",
    "centres-interet": "/parcourir/centres-interet",
    "domaines": "/parcourir/domaines",
    "metiers-d-avenir": "/parcourir/metiers-d-avenir",
    "competences": "/competences",
    "competence": "/competences/300044",
    "erreur": "/metiers/A9999",
}
MAX_TABS = 60  # presses of Tab allowed to reach a control


def watch_errors(page: Page) -> list[str]:
    """Console errors and uncaught exceptions (a CSP refusal shows up here); the status of the
    page itself (an error page's 404) is not one."""
    errors: list[str] = []

    def console(message: ConsoleMessage) -> None:
        if message.type == "error" and message.location.get("url") != page.url:
            errors.append(f"{message.text} ({message.location.get('url')})")

    page.on("console", console)
    page.on("pageerror", lambda e: errors.append(str(e)))
    return errors


def tab_to(page: Page, selector: str) -> None:
    """Press Tab until the element matching the selector has the focus."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} not reached in {MAX_TABS} presses of Tab")


@pytest.fixture(scope="module")
def axe() -> Axe:
    return Axe()


@pytest.mark.parametrize("path", PAGE_TYPES.values(), ids=PAGE_TYPES.keys())
def test_axe_finds_no_violation(page, live_api, axe, path):
    errors = watch_errors(page)
    page.goto(live_api + path)
    results = axe.run(page)
    assert results.violations_count == 0, results.generate_report()
    assert errors == []


def test_keyboard_only_journey(page, live_api):
    errors = watch_errors(page)
    page.goto(live_api + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Aller au contenu"
    tab_to(page, "#q")
    page.keyboard.type("infirm", delay=40)
    options = page.locator("#q-list [role=option]")
    expect(options.first).to_be_visible()
    box = page.locator("#q")
    expect(box).to_have_attribute("role", "combobox")
    expect(box).to_have_attribute("aria-expanded", "true")
    expect(page.locator("#q-status")).to_contain_text("suggestion")
    page.keyboard.press("ArrowDown")
    expect(box).to_have_attribute("aria-activedescendant", "q-list-0")
    expect(options.first).to_have_attribute("aria-selected", "true")
    expect(options.first).to_contain_text("nfirm")
    page.keyboard.press("Enter")
    page.wait_for_url("**/metiers/J15*")
    expect(page.locator("h1")).to_contain_text("nfirm")
    tab_to(page, 'a[href="#proches"]')
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    target = page.evaluate(
        "document.activeElement.closest('#proches') && document.activeElement.href"
    )
    assert target
    assert "/metiers/" in target
    page.keyboard.press("Enter")
    page.wait_for_url(target)
    expect(page.locator("h1")).to_be_visible()
    assert errors == []


def test_escape_closes_the_suggestions(page, live_api):
    page.goto(live_api + "/")
    page.locator("#q").press_sequentially("boulang", delay=40)
    expect(page.locator("#q-list")).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.locator("#q-list")).to_be_hidden()
    expect(page.locator("#q")).to_have_attribute("aria-expanded", "false")


def test_the_territory_picker_suggests_as_you_type(page, live_api):
    page.goto(live_api + "/metiers/M1805")
    page.get_by_role("link", name="Choisir un territoire").first.click()
    page.locator("#t").press_sequentially("ardè", delay=40)
    option = page.locator("#t-list [role=option]", has_text="Ardèche").first
    expect(option).to_be_visible()
    option.click()
    page.wait_for_url("**/metiers/M1805?territoire=departement-07")
    expect(page.locator("#marche")).to_contain_text("Ardèche")


def test_no_javascript_journey(page_without_js, live_api):
    page = page_without_js
    page.goto(live_api + "/")
    page.fill("#q", "chef")
    page.get_by_role("button", name="Rechercher").click()
    page.wait_for_url("**/recherche?q=chef*")
    expect(page.locator("h1")).to_contain_text("chef")
    page.locator("input[name=grand_domaine]").first.check()
    page.get_by_role("button", name="Appliquer les filtres").click()
    page.wait_for_url("**grand_domaine=*")
    expect(page.locator("input[name=grand_domaine]:checked")).to_have_count(1)
    page.locator("#g-fiche + ul a, #g-appellation + ul a").first.click()
    page.wait_for_url("**/metiers/*")
    fiche = page.url
    page.get_by_role("link", name="Choisir un territoire").first.click()
    page.fill("#t", "ardeche")
    page.get_by_role("button", name="Chercher").click()
    page.get_by_role("link", name="Ardèche").first.click()
    page.wait_for_url("**territoire=departement-07")
    assert page.url.split("?")[0] == fiche.split("?")[0]
    expect(page.locator("header.site")).to_contain_text("Ardèche")
    expect(page.locator("#marche")).to_contain_text("Ardèche")
    page.goto(live_api + "/")  # remembered by the cookie
    expect(page.locator("header.site")).to_contain_text("Ardèche")


@pytest.mark.parametrize("path", ["/", "/recherche?q=infirmier", "/metiers/J1506"])
def test_pages_reflow_at_320_pixels(browser, live_api, path):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(live_api + path)
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    context.close()
