"""Offers read from files, resolved to territories and fiches, salaries parsed."""

import json
from pathlib import Path

import pytest

from indexer.offres import OfferResolver, OffersReport, documents, monthly_salary, read_offers
from indexer.referential.load import Referential, load_referential
from indexer.settings import Settings, shared_data
from indexer.territoires import load_territoires
from models.refs import CodeLabel
from tests.support.offers import offer


@pytest.fixture(scope="module")
def resolver() -> OfferResolver:
    settings = Settings()
    ref: Referential = load_referential(settings.rome_dir)
    return OfferResolver(load_territoires(settings.territoires_dir), ref)


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("Mensuel de 1900.0 Euros à 2000.0 Euros sur 12 mois", (1900.0, 2000.0, "mensuel")),
        ("Mensuel de 2000 Euros sur 13 mois", (2166.67, 2166.67, "mensuel")),
        ("Horaire de 11.88 Euros", (1801.84, 1801.84, "horaire")),
        ("Annuel de 26460.00 Euros sur 12 mois", (2205.0, 2205.0, "annuel")),
        ("Annuel de 22000,00 Euros à 25000,00 Euros", (1833.33, 2083.33, "annuel")),
    ],
)
def test_salary_texts_become_monthly_ranges(label, expected):
    salary = monthly_salary(label)
    assert salary is not None
    assert (salary.minimum, salary.maximum, salary.period) == expected


def test_unparseable_salaries_are_none():
    for label in (None, "", "Selon profil", "Mensuel de Euros"):
        assert monthly_salary(label) is None


def test_json_lines_and_api_pages_are_read_with_bad_lines_reported(tmp_path):
    path = tmp_path / "offers.jsonl"
    lines = [
        json.dumps(offer(1)),
        json.dumps({"resultats": [offer(2), offer(3)]}),  # a search response page
        "{not json",
        json.dumps({"intitule": "Sans identifiant"}),
        json.dumps({**offer(4), "dateCreation": "hier"}),
        json.dumps({**offer(5), "typeContrat": 5}),
        "",
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    report = OffersReport()
    read = [o["id"] for _, o in read_offers(path, report)]
    assert read == ["T000001", "T000002", "T000003"]
    assert report.read == 6
    assert [(e.line, e.field) for e in report.errors] == [
        (3, "*"),
        (4, "id"),
        (5, "dateCreation"),
        (6, "typeContrat"),
    ]
    assert all(e.file == "offers.jsonl" for e in report.errors)


def test_a_single_api_page_or_array_file_is_read(tmp_path):
    page = tmp_path / "page.json"
    page.write_text(json.dumps({"resultats": [offer(1), offer(2)]}, indent=2), encoding="utf-8")
    array = tmp_path / "array.json"
    array.write_text(json.dumps([offer(3)]), encoding="utf-8")
    report = OffersReport()
    assert len(list(read_offers(page, report))) == 2
    assert len(list(read_offers(array, report))) == 1


def test_generated_offers_resolve_by_commune_postcode_or_label(resolver):
    report = OffersReport()
    docs = list(documents(((n, offer(n)) for n in range(12)), resolver, report))
    assert report.territory == {"commune": 4, "code_postal": 4, "libelle": 4}
    assert report.fiche == {"resolved": 12}
    assert report.appellation == 12
    lyon = next(d for d in docs if d.id == "T000002")  # label "69 - LYON 01" only
    assert lyon.departement == CodeLabel(code="69", libelle="Rhône")
    assert lyon.commune is None
    epicerie = next(
        d
        for d in docs
        if d.fiche == CodeLabel(code="D1106", libelle="Vendeur / Vendeuse en épicerie")
    )
    assert epicerie.parent == CodeLabel(code="D1106", libelle="Vendeur / Vendeuse en épicerie")
    assert epicerie.source["id"] == epicerie.id  # the offer as published


def test_fiche_emploi_rolls_up_to_its_fiche_metier(resolver):
    report = OffersReport()
    doc = resolver.document({**offer(0), "romeCode": "D1110"}, report)
    assert doc.fiche.code == "D1110"
    assert doc.parent.code == "D1106"
    unknown = resolver.document({**offer(0), "romeCode": "Z9999"}, report)
    assert "fiche" not in unknown.model_dump()
    assert report.fiche == {"resolved": 1, "unknown code": 1}


def test_every_dev_ad_resolves_to_a_territory_and_a_fiche(resolver):
    report = OffersReport()
    path: Path = shared_data("eval-dev") / "offers.jsonl"
    docs = list(documents(read_offers(path, report), resolver, report))
    assert len(docs) == 150
    assert report.errors == []
    assert report.territory == {"commune": 150}
    assert report.fiche == {"resolved": 150}
    assert report.appellation >= 120
