"""Pure scoring of extraction candidates and of fiches against a profile."""

from typing import Any

import pytest

from search_api import extraction, matching


def fiche(code: str, macros: list[tuple[str, str, bool]]) -> dict[str, Any]:
    """A fiche document with one enjeu holding these (code, label, core) macros."""
    return {
        "code_rome": code,
        "libelle": f"Fiche {code}",
        "competences": [
            {
                "enjeu": {"code": "11", "libelle": "Enjeu"},
                "macros": [
                    {"code_ogr": c, "libelle": label, "coeur_metier": core, "competences": []}
                    for c, label, core in macros
                ],
            }
        ],
    }


def test_core_macros_weigh_double_and_come_first():
    doc = fiche("D1106", [("1", "Vendre", False), ("2", "Encaisser", True), ("3", "Gérer", False)])
    match = matching.score_fiche({"2": 1.0}, doc)
    assert match.coverage == pytest.approx(2 / 4)
    assert [m.code for m in match.covered] == ["2"]
    assert [m.code for m in match.missing] == ["3", "1"]  # no core left: alphabetical


def test_score_balances_coverage_and_fit():
    small = fiche("A", [("1", "a", True)])
    large = fiche("B", [(str(i), str(i), True) for i in range(1, 11)])
    profile = {str(i): 1.0 for i in range(1, 6)}
    # The small fiche is fully covered but uses a fifth of the profile; the large one uses all
    # of it and is half covered: the large one fits better.
    assert matching.score_fiche(profile, large).score > matching.score_fiche(profile, small).score


def test_macro_flagged_core_through_its_competences():
    doc = fiche("X", [("1", "a", False)])
    doc["competences"][0]["macros"][0]["competences"] = [{"code_ogr": "9", "coeur_metier": True}]
    assert matching.fiche_macros(doc)[0].coeur_metier


def test_candidate_score_grows_with_cosine_and_shared_words():
    stems = {"caiss": [(10, 16)], "tenir": [(6, 9)]}
    low, _ = extraction.score_candidate(0.80, "Tenir une caisse", 10, stems)
    high, spans = extraction.score_candidate(0.90, "Tenir une caisse", 10, stems)
    none, no_spans = extraction.score_candidate(0.90, "Piloter un avion", 10, stems)
    assert high > low > 0
    assert high > none
    assert spans == [(6, 9), (10, 16)]
    assert no_spans == []


def test_common_competences_outrank_one_fiche_variants():
    stems = {"caiss": [(0, 6)]}
    common, _ = extraction.score_candidate(0.88, "Tenir une caisse", 40, stems)
    rare, _ = extraction.score_candidate(0.88, "Tenir une caisse", 1, stems)
    assert common > rare
    assert extraction.usage(0) == 0.0
    assert extraction.usage(10_000) == 1.0


def test_label_stems_drop_generic_and_function_words():
    assert extraction.label_stems("Réaliser les opérations d'encaissement") == {"encai"}
    assert extraction.label_stems("Réaliser") == {"reali"}  # nothing else: keep it


def test_semantic_part_is_clipped_to_unit_range():
    assert extraction.semantic_part(0.5) == 0.0
    assert extraction.semantic_part(0.99) == 1.0
    assert 0 < extraction.semantic_part(0.85) < 1
