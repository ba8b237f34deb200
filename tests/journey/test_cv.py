"""The CV as PDF: read back (text and page count), capped at two pages, bad input a 422."""

import copy
import io
from typing import Any

import pytest
from pypdf import PdfReader

from search_api.journey.cv import MAX_PAGES, CvTooLongError, render_cv
from search_api.journey.examples import CV_REQUEST
from search_api.journey.schemas import CvRequest

ACCENTS = "Œuvrer à l’équipe « ça » : déjà vu, où, maïs, Noël — 5 € … Ÿ"


def read(pdf: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(pdf))
    return len(reader.pages), "\n".join(page.extract_text() for page in reader.pages)


def flat(text: str) -> str:
    """Extracted text with its line breaks and spaces evened out (wrapping moves them)."""
    return " ".join(text.replace("\u00a0", " ").split())


def request(**changes: Any) -> dict[str, Any]:
    body = copy.deepcopy(CV_REQUEST)
    body.update(changes)
    return body


def long_cv(experiences: int) -> dict[str, Any]:
    words = "Préparation des commandes et réception des marchandises. " * 16
    job = {"intitule": "Préparateur de commandes", "employeur": "Entrepôt", "description": words}
    return request(experiences=[job] * experiences)


def test_the_pdf_reads_back_with_the_name_the_competences_and_french_letters():
    body = request(resume=ACCENTS, nom="Zoé Lefèvre-Œstergaard")
    pages, text = read(render_cv(CvRequest.model_validate(body)))
    assert pages == 1
    text = flat(text)
    assert "Zoé Lefèvre-Œstergaard" in text
    assert flat(ACCENTS) in text
    for group in body["competences"]:
        assert group["titre"] in text
        for label in group["competences"]:
            assert label in text
    assert "Développeur / Développeuse informatique" in text
    assert "Supérette du Centre" in text
    assert "camille.martin@example.org" in text


def test_markup_typed_by_the_person_is_printed_as_text():
    body = request(resume="<b>gras</b> & <font size=40>énorme</font>")
    _, text = read(render_cv(CvRequest.model_validate(body)))
    assert "<b>gras</b> & <font size=40>énorme</font>" in flat(text)


def test_a_cv_flows_onto_a_second_page_and_no_further():
    pages, text = read(render_cv(CvRequest.model_validate(long_cv(5))))
    assert pages == MAX_PAGES
    assert flat(text).count("Préparateur de commandes — Entrepôt") == 5
    with pytest.raises(CvTooLongError):
        render_cv(CvRequest.model_validate(long_cv(8)))


def test_the_same_cv_gives_the_same_bytes():
    cv = CvRequest.model_validate(CV_REQUEST)
    assert render_cv(cv) == render_cv(cv)  # no creation date or random id inside


def test_the_route_answers_a_pdf_and_stores_nothing(api):
    response = api.post("/v1/profil/cv.pdf", json=CV_REQUEST)
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.headers["cache-control"] == "no-store"
    assert response.headers["content-disposition"] == 'attachment; filename="cv.pdf"'
    pages, text = read(response.content)
    assert pages == 1
    assert "Camille Martin" in text
    assert "Réceptionner les marchandises" in flat(text)


def test_a_cv_past_two_pages_is_a_clear_422(api):
    response = api.post("/v1/profil/cv.pdf", json=long_cv(8))
    assert response.status_code == 422
    body = response.json()
    assert body["errors"][0]["field"] == "body"
    assert "dépasse 2 pages" in body["detail"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        (request(nom=""), "nom"),
        (request(nom="Camille\x00"), "nom"),
        (request(competences=[]), "competences"),
        (request(age=42), "age"),
        (request(contact={"email": "pas une adresse"}), "contact.email"),
        (request(experiences=[{"employeur": "sans intitulé"}]), "experiences.0.intitule"),
        (request(competences=[{"titre": "t", "competences": ["c"] * 21}]), "competences.0"),
        (request(resume="x" * 801), "resume"),
    ],
)
def test_bad_input_is_a_422_naming_the_field(api, body, field):
    response = api.post("/v1/profil/cv.pdf", json=body)
    assert response.status_code == 422
    fields = [e["field"] for e in response.json()["errors"]]
    assert any(f.startswith(field) for f in fields), fields


def test_a_body_that_is_not_json_is_a_422(api):
    response = api.post(
        "/v1/profil/cv.pdf", content=b"nom=Camille", headers={"content-type": "application/json"}
    )
    assert response.status_code == 422
