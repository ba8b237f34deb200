"""Screenshots of the main pages for the README, at desktop and mobile widths, the transition
journey's pages, and the first page of a CV it makes rendered to PNG.

    .venv/bin/python -m tests.web.screenshots [BASE_URL]   # default http://127.0.0.1:8000

Run it against `make run` (the whole export indexed, offers loaded); it writes
docs/screenshots/<page>-<width>.png and docs/cv-page-1.png."""

import sys
from pathlib import Path
from urllib.parse import parse_qs

import pypdfium2  # type: ignore[import-untyped]
from playwright.sync_api import Browser, Page, ViewportSize, sync_playwright

from tests.web.conftest import CHROMIUM

DOCS = Path(__file__).resolve().parents[2] / "docs"
OUT = DOCS / "screenshots"
PAGES = {
    "accueil": "/",
    "recherche": "/recherche?q=infirmier&territoire=region-84",
    "fiche": "/metiers/M1805?territoire=region-84",
    "marche": "/metiers/M1805?territoire=region-84#marche",
    "parcourir": "/parcourir/domaines",
    "competences": "/competences",
    "passer-a-l-action": "/metiers/D1507?territoire=commune-69123#action",
    "stats": "/stats",
}
WIDTHS: dict[int, ViewportSize] = {
    1280: {"width": 1280, "height": 900},
    375: {"width": 375, "height": 812},
}
EXPERIENCE = (
    "J'ai tenu la caisse et fait la mise en rayon dans une supérette pendant trois ans.\n"
    "Je n'ai jamais encadré d'équipe.\n"
    "Je passais les commandes aux fournisseurs et je faisais les inventaires."
)
TITLE = "Employée de libre-service"
TERRITOIRE = "region-84"
JOURNEY = {"profil": "/profil", "profil-metiers": "/profil/metiers", "profil-cv": "/profil/cv"}
CV_FIELDS = {
    "nom": "Camille Martin",
    "metier": "Employé / Employée de rayon libre-service",
    "email": "camille.martin@example.org",
    "ville": "Annonay",
    "exp1_intitule": "Employée polyvalente",
    "exp1_employeur": "Supérette du Centre, Annonay",
    "exp1_debut": "2021",
    "exp1_fin": "aujourd’hui",
    "exp1_description": "Caisse, mise en rayon, commandes aux fournisseurs, inventaires.",
}
CV_SCALE = 1.5  # 72 dpi × 1.5: an A4 page about 890 px wide


def journey(page: Page, base: str, width: int) -> str:
    """Describe an experience (its result shot), keep everything found, shoot the profile's
    pages; the profile's `c` value."""
    page.goto(f"{base}/ce-que-j-ai-fait?territoire={TERRITOIRE}")
    page.fill("#poste", TITLE)
    page.fill("#texte", EXPERIENCE)
    page.get_by_role("button", name="Trouver mes compétences").click()
    page.locator("#lecture").scroll_into_view_if_needed()
    page.screenshot(path=OUT / f"ce-que-j-ai-fait-{width}.png")
    page.get_by_role("button", name="Ajouter à mon profil").click()
    page.wait_for_url("**/profil?c=*")
    query = page.url.split("?", 1)[1]
    for name, path in JOURNEY.items():
        page.goto(f"{base}{path}?{query}")
        page.screenshot(path=OUT / f"{name}-{width}.png")
    return ",".join(parse_qs(query)["c"])


def shoot(browser: Browser, base: str, width: int, viewport: ViewportSize) -> str:
    """Every page at one width; the profile the journey made."""
    context = browser.new_context(viewport=viewport, locale="fr-FR")
    page = context.new_page()
    for name, path in PAGES.items():
        page.goto(base + path)
        page.screenshot(path=OUT / f"{name}-{width}.png")
    codes = journey(page, base, width)
    context.close()
    return codes


def cv_png(browser: Browser, base: str, codes: str) -> None:
    """The CV of that profile, its first page as PNG."""
    context = browser.new_context()
    response = context.request.post(f"{base}/profil/cv.pdf", form={"c": codes, **CV_FIELDS})
    assert response.ok, response.status
    pdf = pypdfium2.PdfDocument(response.body())
    pdf[0].render(scale=CV_SCALE).to_pil().save(DOCS / "cv-page-1.png")
    context.close()


def main(base: str) -> None:
    """Every page at every width, then the CV."""
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM))
        codes = ""
        for width, viewport in WIDTHS.items():
            codes = shoot(browser, base, width, viewport)
        cv_png(browser, base, codes)
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000")
