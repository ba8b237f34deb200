"""The territory referential: the real INSEE and La Poste files, and bad files reported."""

import json
from pathlib import Path

import pytest

from indexer.referential.csvfile import ExportFileError
from indexer.settings import Settings, shared_data
from indexer.territoires import (
    COMMUNES_FILE,
    DEPARTEMENTS_FILE,
    POSTCODES_FILE,
    REGIONS_FILE,
    Territoires,
    fold_name,
    load_territoires,
    short_forms,
    territoire_docs,
    territoire_id,
)
from models.refs import CodeLabel, given


@pytest.fixture(scope="module")
def territoires() -> Territoires:
    folder = Settings().territoires_dir
    assert folder.is_dir(), f"the territory files are missing at {folder}"
    return load_territoires(folder)


def test_every_region_departement_and_commune_is_read(territoires):
    assert len(territoires.regions) == 18
    assert len(territoires.departements) == 101
    assert len(territoires.communes) == 34_935  # TYPECOM = COM in COG 2024
    assert territoires.report.errors == []
    # Saint-Pierre-et-Miquelon has postcodes but is no COG commune: reported, not fatal.
    assert {e.value for e in territoires.report.dangling} == {"97501", "97502"}
    assert all(c.postcodes for c in territoires.communes.values())


def test_offer_places_resolve_by_commune_postcode_or_label(territoires):
    by_code = territoires.locate({"commune": "07229", "libelle": "07 - ANYTHING"})
    assert (by_code.commune, by_code.departement, by_code.region, by_code.method) == (
        "07229",
        "07",
        "84",
        "commune",
    )
    assert territoires.locate({"commune": "75101"}).commune == "75056"  # arrondissement -> Paris
    shared = territoires.locate({"codePostal": "07200"})
    assert (shared.departement, shared.method) == ("07", "code_postal")
    assert shared.commune is None  # 07200 serves several communes
    label = territoires.locate({"libelle": "07 - ST DIDIER SOUS AUBENAS"})
    assert (label.commune, label.method) == ("07229", "libelle")
    assert territoires.locate({"libelle": "974 - ST DENIS"}).commune == "97411"
    assert territoires.locate({"libelle": "99 - Etranger"}) is None
    assert territoires.locate({}) is None
    assert territoires.locate(None) is None


def test_every_dev_offer_resolves_to_a_territory(territoires):
    path = shared_data("eval-dev") / "offers.jsonl"
    offers = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    places = [territoires.locate(o.get("lieuTravail")) for o in offers]
    assert len(offers) == 150
    assert all(p is not None and p.departement == "07" for p in places)


def test_names_fold_and_shorten_like_people_type_them():
    assert fold_name("ST DIDIER SOUS AUBENAS") == fold_name("Saint-Didier-sous-Aubenas")
    assert fold_name("Saint-Étienne") == "saint etienne"
    assert short_forms("Saint-Étienne") == ["St-Étienne"]
    assert short_forms("Sainte-Foy-lès-Lyon") == ["Ste-Foy-lès-Lyon"]
    assert short_forms("Privas") == []


def test_documents_carry_their_parents(territoires):
    docs = {territoire_id(d): d for d in territoire_docs(territoires)}
    assert len(docs) == 18 + 101 + 34_935
    annonay = docs["commune-07010"]
    assert annonay.libelle == "Annonay"
    assert annonay.departement == CodeLabel(code="07", libelle="Ardèche")
    assert annonay.region == CodeLabel(code="84", libelle="Auvergne-Rhône-Alpes")
    assert "07100" in (given(annonay.codes_postaux) or [])
    assert docs["departement-07"].region == CodeLabel(code="84", libelle="Auvergne-Rhône-Alpes")


def write_files(folder: Path, commune_rows: str) -> None:
    (folder / REGIONS_FILE).write_text('"REG","LIBELLE"\n"84","Auvergne"\n', encoding="utf-8")
    (folder / DEPARTEMENTS_FILE).write_text(
        '"DEP","REG","LIBELLE"\n"07","84","Ardèche"\n"7X","84","Bad"\n', encoding="utf-8"
    )
    header = '"TYPECOM","COM","REG","DEP","LIBELLE","COMPARENT"\n'
    (folder / COMMUNES_FILE).write_text(header + commune_rows, encoding="utf-8")
    (folder / POSTCODES_FILE).write_text(
        json.dumps([{"codePostal": "07000", "codeCommune": "07186"}, {"codePostal": "7"}]),
        encoding="utf-8",
    )


def test_bad_rows_are_reported_with_file_line_and_field(tmp_path):
    write_files(tmp_path, '"COM","07186","84","07","Privas",""\n"COM","7186","84","07","Bad",""\n')
    report = load_territoires(tmp_path).report
    found = {(e.file, e.line, e.field) for e in report.errors}
    assert (DEPARTEMENTS_FILE, 3, "DEP") in found
    assert (COMMUNES_FILE, 3, "COM") in found
    assert (POSTCODES_FILE, 2, "codePostal") in found


def test_a_missing_file_is_named(tmp_path):
    write_files(tmp_path, "")
    (tmp_path / POSTCODES_FILE).unlink()
    with pytest.raises(ExportFileError, match=POSTCODES_FILE):
        load_territoires(tmp_path)
