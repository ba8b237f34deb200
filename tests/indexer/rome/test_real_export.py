"""The real ROME 4.0 v460 export: counts of its README, no rejected row, load time.

The folder is METIERSCOPE_ROME_DIR, else `<repo>/../shared/data/rome-4.0-v460`. Its absence
fails these tests: they never skip.
"""

import os
import time
from collections import Counter
from pathlib import Path

import pytest

from indexer.rome import Referential, load_referential, normalise_for_matching
from indexer.rome.csvfile import find_export_file, open_csv
from indexer.rome.documents import (
    fiche_document,
    iter_appellation_documents,
    iter_competence_documents,
    iter_contexte_documents,
    iter_fiche_documents,
    iter_savoir_documents,
)
from models.vocab import Classification, CompetenceKind, CompetenceNature, FicheType

REPO = Path(__file__).resolve().parents[3]
DEFAULT_EXPORT = REPO.parent / "shared" / "data" / "rome-4.0-v460"
LOAD_BUDGET_SECONDS = 15.0  # the aim for the full export on a developer machine (about 6 s)


@pytest.fixture(scope="module")
def export_dir() -> Path:
    folder = Path(os.environ.get("METIERSCOPE_ROME_DIR", DEFAULT_EXPORT))
    if not folder.is_dir():
        pytest.fail(f"ROME export not found at {folder} (set METIERSCOPE_ROME_DIR)")
    return folder


@pytest.fixture(scope="module")
def loaded(export_dir: Path) -> tuple[Referential, float]:
    start = time.perf_counter()
    referential = load_referential(export_dir)
    return referential, time.perf_counter() - start


@pytest.fixture(scope="module")
def ref(loaded: tuple[Referential, float]) -> Referential:
    return loaded[0]


def test_load_time(loaded, record_property):
    _, seconds = loaded
    record_property("rome_load_seconds", round(seconds, 2))
    assert seconds < LOAD_BUDGET_SECONDS, f"loading took {seconds:.1f} s"


def test_nothing_rejected_nothing_dangling(ref):
    assert ref.report.rejected == 0
    assert ref.report.dangling == 0
    assert ref.report.errors == ()


def test_appellations(ref):
    assert len(ref.appellations) == 13_120
    classes = Counter(a.classification for a in ref.appellations.values())
    assert classes[Classification.PRINCIPALE] == 1_584
    assert classes[Classification.SYNONYME] == 11_536
    assert sum(a.peu_usite for a in ref.appellations.values()) == 199


def test_fiches(ref):
    assert len(ref.fiches) == 1_584
    types = Counter(f.fiche_type for f in ref.fiches.values())
    assert types == {FicheType.METIER: 532, FicheType.EMPLOI: 1_052}
    assert ref.fiches["M1855"].code_rome_parent == "M1805"
    assert "M1855" in ref.lookup.children_by_fiche["M1805"]


def test_competences(ref):
    assert len(ref.competences) == 18_317
    natures = Counter(c.nature for c in ref.competences.values())
    assert natures[CompetenceNature.MACRO_COMPETENCE] == 507
    kinds = Counter(c.kind for c in ref.competences.values())
    assert kinds == {
        CompetenceKind.SAVOIR_FAIRE: 17_810,
        CompetenceKind.MACRO_COMPETENCE: 491,
        CompetenceKind.SAVOIR_ETRE: 16,
    }
    levels = Counter(node.niveau.value for node in ref.noeuds_competence.values())
    assert levels == {"domaine_competence": 6, "enjeu": 32, "objectif": 84, "macro_competence": 507}
    assert len(ref.macro_competence_riasec) == 507


def test_other_entities(ref):
    assert len(ref.savoirs) == 15_354
    assert len(ref.contextes) == 179
    assert len({c.type_contexte for c in ref.contextes.values()}) == 6
    assert len(ref.mobilites) == 14_912
    assert len(ref.textes) == 11_980
    assert len(ref.coherence_items) == 104_219
    assert len(ref.liens_referentiels) == 118_923
    assert len(ref.items) == 33_850
    assert len(ref.grands_domaines) == 14
    assert len(ref.domaines_professionnels) == 110
    assert len(ref.arborescence_domaines) == 14_828
    assert (len(ref.centres_interet), len(ref.fiche_centres_interet)) == (30, 4_444)
    assert len(ref.secteurs_activite) == 35
    assert len(ref.sous_secteurs_activite) == 40
    assert len(ref.fiche_secteurs_activite) == 3_303
    assert (len(ref.secteurs_naf), len(ref.fiche_secteurs_naf)) == (89, 2_920)
    assert (len(ref.themes), len(ref.fiche_themes)) == (17, 1_348)
    assert len(ref.fiche_riasec) == 1_584
    assert len(ref.types_referentiel) == 0


def test_naf_file_is_single_byte_and_its_labels_match_the_fiches(ref, export_dir):
    assert ref.report.entity("fiche_secteurs_naf").encoding == "iso8859_15"
    path = find_export_file(export_dir, "unix_arborescence_secteur_naf_v[0-9]*_utf8.csv")
    assert path is not None
    for _, row in open_csv(path, ["code_rome", "libelle_rome"]).records():
        expected = normalise_for_matching(ref.fiches[row["code_rome"]].libelle)
        assert normalise_for_matching(row["libelle_rome"]) == expected


def test_texts_have_no_sql_doubled_apostrophes(ref):
    assert not [t for t in ref.textes if "''" in t.texte]


def test_documents_cover_every_record_with_unique_ids(ref):
    start = time.perf_counter()
    expected = {
        iter_appellation_documents: 13_120,
        iter_fiche_documents: 1_584,
        iter_competence_documents: 18_317,
        iter_savoir_documents: 15_354,
        iter_contexte_documents: 179,
    }
    for build, count in expected.items():
        ids = [document["id"] for document in build(ref)]
        assert len(ids) == len(set(ids)) == count, build.__name__
    assert time.perf_counter() - start < 60


def test_fiche_document_of_a_fiche_emploi(ref):
    doc = fiche_document(ref, ref.fiches["M1855"]).model_dump(mode="json")
    assert doc["fiche_type"] == "emploi"
    assert doc["parent"]["code_rome"] == "M1805"
    assert doc["definition"].startswith("Le Développeur / La Développeuse web")
    assert doc["competences"]
    assert doc["savoir_etre"]
    assert [m["ordre"] for m in doc["mobilites"]] == sorted(m["ordre"] for m in doc["mobilites"])
