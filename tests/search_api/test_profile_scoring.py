"""Pure scoring of extraction candidates and of fiches against a profile."""

from typing import Any

import pytest

from search_api.profile import evidence, extraction, matching
from search_api.profile.clauses import Clause


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


def likely(code: str, items: set[str], coeur: set[str]) -> evidence.Fiche:
    return evidence.Fiche(code, f"Fiche {code}", frozenset(items), frozenset(coeur), frozenset())


def test_overlap_takes_the_best_clause_and_its_spans():
    clauses = [{"tenir": [(6, 9)]}, {"tenir": [(30, 35)], "caiss": [(40, 46)]}]
    share, spans = evidence.overlap({"tenir", "caiss"}, clauses)
    assert share == 1.0
    assert spans == [(30, 35), (40, 46)]
    assert evidence.overlap({"pilot", "avion"}, clauses) == (0.0, [])


def test_membership_weighs_rank_and_heart_of_the_metier():
    first, second = likely("D1505", {"1", "2"}, {"1"}), likely("D1106", {"2", "3"}, set())
    core, fiche = evidence.membership("1", [first, second])
    listed, _ = evidence.membership("2", [first, second])
    later, later_fiche = evidence.membership("3", [first, second])
    assert fiche == first
    assert later_fiche == second
    assert 0 < later < listed < core < 1  # core counts triple; listed by both beats one
    assert evidence.membership("4", [first, second]) == (0.0, None)
    assert evidence.membership("1", [first]) == (1.0, first)


def test_score_is_calibrated_and_favours_listed_labels():
    assert evidence.score(1.0, 1.0, 0.99) == pytest.approx(1.0)
    assert evidence.score(0.0, 0.0, 0.5) == 0.0
    listed = evidence.score(0.5, 0.2, 0.85)
    outside = evidence.score(0.5, 0.0, 0.85)
    assert 0 < outside < listed < 1
    assert evidence.score(1.0, 0.2, 0.85) > listed


def test_gist_is_clipped_to_unit_range():
    assert evidence.gist(0.5) == 0.0
    assert evidence.gist(0.99) == 1.0
    assert 0 < evidence.gist(0.85) < 1


def test_fusion_weighs_rankings_and_favours_first_ranks():
    assert extraction.fuse([["A", "B"], ["B", "A"]], (1.0, 0.5)) == ["A", "B"]
    # A first rank in the main ranking beats second ranks in two lighter ones.
    assert extraction.fuse([["A", "X"], ["Y", "C"], ["Z", "C"]], (1.0, 0.5, 0.5))[0] == "A"
    assert extraction.fuse([[], []], (1.0, 1.0)) == []


def test_label_votes_favour_fiches_of_rare_labels():
    def hit(*fiches: str) -> dict[str, Any]:
        return {"_source": {"fiches": [{"code": f} for f in fiches]}}

    common = hit("D1106", "D1505", "D1507", "K2204")
    rare = hit("D1505")
    answers = [{"hits": {"hits": [common, rare]}}, {"hits": {"hits": [hit("D1505")]}}]
    assert extraction.fiches_of_labels(answers)[0] == "D1505"
    assert set(extraction.fiches_of_labels(answers)) == {"D1106", "D1505", "D1507", "K2204"}


def test_denied_stems_are_those_no_affirmative_clause_uses():
    def clause(negated: bool, *lemmas: str) -> Clause:
        tokens = tuple((i, i + 1, lemma) for i, lemma in enumerate(lemmas))
        return Clause(0, 1, " ".join(lemmas), lemmas, tokens, negated)

    clauses = [clause(True, "encadrer", "équipe"), clause(False, "former", "équipe")]
    assert evidence.denied_stems(clauses) == {"encad"}
    assert evidence.denied_stems([clause(False, "tenir", "caisse")]) == set()


def _match(code: str, parent: str, score: float, prior: float) -> matching.Match:
    return matching.Match(code, code, score, score, [], [], parent, prior)


def test_matches_put_the_best_fiche_of_each_likely_metier_first():
    ranked = matching.likely_first(
        [
            _match("A1", "A", 0.9, 0.0),
            _match("B1", "B", 0.2, 0.6),
            _match("B2", "B", 0.4, 0.6),
            _match("C1", "C", 0.1, 0.3),
        ]
    )
    assert [m.code_rome for m in ranked] == ["B2", "C1", "A1", "B1"]


def test_an_unlikely_metier_gets_no_prior():
    fiche = {"code_rome": "B1", "libelle": "B", "parent": {"code": "B"}, "competences": []}
    assert matching.score_fiche({}, fiche, {"B": 0.01}).prior == 0.0
    assert matching.score_fiche({}, fiche, {"B": 0.5}).prior == 0.5
