"""Unit tests of the journey pages' pure functions: the marked text, the profile in the URL,
the grouping, the CV form and its French messages, the order by distance."""

import pytest
from pydantic import ValidationError

from search_api.errors import InvalidInputError
from search_api.journey.schemas import MAX_GROUPS, MAX_PER_GROUP, CompetenceGroup
from search_api.profile.clauses import Clause, Reading
from search_api.profile.evidence import Fiche
from search_api.profile.extraction import NOTHING_ABOVE, Extraction, Found
from search_api.profile.matching import MacroRef, Match
from search_api.web.cv_form import cv_groups, cv_request, field_errors, label_of
from search_api.web.experience_view import reading_view
from search_api.web.marked import excerpts, marked, merged
from search_api.web.profile_codes import MAX_CODES, added, codes_in, parse_codes, removed
from search_api.web.skills import Skill, grouped
from search_api.web.within_reach import ordered

CAISSE = ("118069", "Gérer une caisse")
RAYON = ("300375", "Organiser, aménager un espace de vente")


def test_spans_merge_when_they_overlap_or_touch():
    assert merged([(5, 9), (0, 3), (2, 4), (9, 12), (20, 20)]) == [(0, 4), (5, 12)]


def test_the_text_is_escaped_and_only_our_tags_are_markup():
    html = marked("<b>caisse</b> & rayon", [(3, 9), (16, 21)])
    assert str(html) == "&lt;b&gt;<mark>caisse</mark>&lt;/b&gt; &amp; <mark>rayon</mark>"


def test_a_negated_clause_is_struck_with_its_reason_and_keeps_no_mark():
    text = "J'ai tenu la caisse. Je n'ai jamais encadré."
    html = str(marked(text, [(13, 19), (36, 43)], [(21, 44)]))
    assert "<mark>caisse</mark>" in html
    assert "<mark>encadr" not in html
    assert "<s>Je n&#39;ai jamais encadré.</s>" in html
    assert html.endswith('<span class="badge muted">ignoré : négation</span>')


def test_excerpts_are_the_clauses_holding_the_words_marked_in_place():
    text = "J'ai tenu la caisse, et  fait la mise en rayon."
    clauses = [(0, 19), (20, 47)]
    found = excerpts(text, clauses, [(41, 46), (13, 19)])
    assert [str(e) for e in found] == [
        "J&#39;ai tenu la <mark>caisse</mark>",
        "et  fait la mise en <mark>rayon</mark>.",
    ]


def test_the_profile_parameter_merges_repeats_and_refuses_what_is_not_a_code():
    assert parse_codes(["118069,117468", "", "118069", "300375,"]) == [
        "118069",
        "117468",
        "300375",
    ]
    assert parse_codes(None) == []
    with pytest.raises(InvalidInputError):
        parse_codes(["12a"])
    with pytest.raises(InvalidInputError):
        parse_codes([",".join(str(n) for n in range(MAX_CODES + 1))])


def test_adding_keeps_the_order_and_the_cap_removing_drops_one():
    assert added(["1", "2"], ["2", "3"]) == ["1", "2", "3"]
    assert len(added([str(n) for n in range(MAX_CODES)], ["x"])) == MAX_CODES
    assert removed(["1", "2", "3"], "2") == ["1", "3"]


@pytest.mark.parametrize(
    ("url", "codes"),
    [
        ("/metiers/D1507?c=1,2&territoire=region-84", ["1", "2"]),
        ("/metiers/D1507", []),
        ("//evil.example/?c=1", []),
        ("https://evil.example/?c=1", []),
        ("/profil?c=x", []),
    ],
)
def test_the_profile_a_page_carried_is_read_only_from_a_local_address(url, codes):
    assert codes_in(url) == codes


def skill(code: str, libelle: str, kind: str, macro: tuple[str, str] | None) -> Skill:
    return Skill(code, libelle, kind, macro)


SKILLS = [
    skill("500", "Procédures d'encaissement", "savoir", None),
    skill(*CAISSE, "macro-compétence", CAISSE),
    skill("117468", "Réaliser la mise en rayon", "savoir-faire", RAYON),
    skill("200", "Faire preuve de rigueur", "savoir-être professionnel", None),
    skill(*RAYON, "macro-compétence", RAYON),
]


def test_skills_group_under_their_macro_then_savoirs_etre_and_savoirs():
    groups = grouped(SKILLS, lambda s: s)
    assert [(g.libelle, [s.code for s in g.items]) for g in groups] == [
        (CAISSE[1], [CAISSE[0]]),
        (RAYON[1], ["117468", RAYON[0]]),
        ("Savoirs", ["500"]),
        ("Savoirs-être professionnels", ["200"]),
    ]


def test_the_cv_pools_lone_macros_and_lists_savoir_faire_under_their_macro():
    assert cv_groups(SKILLS) == [
        CompetenceGroup(titre="Savoir-faire", competences=[CAISSE[1]]),
        CompetenceGroup(titre=RAYON[1], competences=["Réaliser la mise en rayon"]),
        CompetenceGroup(titre="Savoirs", competences=["Procédures d'encaissement"]),
        CompetenceGroup(
            titre="Savoirs-être professionnels", competences=["Faire preuve de rigueur"]
        ),
    ]


def test_the_cv_leaves_nothing_out_when_there_are_too_many_headings():
    many = [
        skill(f"{n}1", f"savoir-faire {n}", "savoir-faire", (f"{n}0", f"macro {n}"))
        for n in range(MAX_GROUPS + 5)
    ] + [skill(f"9{n}", f"savoir {n}", "savoir", None) for n in range(MAX_PER_GROUP + 1)]
    groups = cv_groups(many)
    assert len(groups) <= MAX_GROUPS
    assert all(len(g.competences) <= MAX_PER_GROUP for g in groups)
    assert sorted(c for g in groups for c in g.competences) == sorted(s.libelle for s in many)


GROUPS = [CompetenceGroup(titre="Savoir-faire", competences=["Gérer une caisse"])]


def test_the_cv_form_makes_a_request_of_the_filled_experiences_only():
    fields = {
        "nom": " Camille Martin ",
        "metier": "Vendeur / Vendeuse en épicerie",
        "email": "camille@example.org",
        "telephone": "",
        "exp1_intitule": "",
        "exp2_intitule": "Employée de supérette",
        "exp2_debut": "2019",
    }
    cv = cv_request(fields, GROUPS)
    assert cv.nom == "Camille Martin"
    assert cv.metier_vise is not None
    assert cv.contact.telephone is None
    assert [(e.intitule, e.debut) for e in cv.experiences] == [("Employée de supérette", "2019")]


def test_refused_fields_get_a_french_message_on_the_right_field():
    fields = {"nom": "", "email": "x", "exp3_fin": "2020"}
    with pytest.raises(ValidationError) as refused:
        cv_request(fields, [])
    messages = {e.name: e.message for e in field_errors(refused.value, fields)}
    assert messages == {
        "nom": "« Prénom et nom » est à remplir.",
        "email": "« Adresse e-mail » n’a pas la forme attendue.",
        "exp3_intitule": "« Intitulé du poste (expérience 3) » est à remplir.",
        "competences": "Votre profil est vide : ajoutez-y des compétences avant de faire le CV.",
    }
    assert label_of("exp2_debut") == "Début (expérience 2)"


def match(code: str, score: float, missing: int) -> Match:
    gap = [MacroRef(str(n), f"macro {n}", n == 0) for n in range(missing)]
    return Match(code, code, score, score, [], gap)


def test_by_distance_the_fewest_missing_come_first_best_first_among_equals():
    ranked = [match("A1", 0.9, 5), match("B2", 0.8, 2), match("C3", 0.7, 2), match("D4", 0.6, 0)]
    assert [m.code_rome for m in ordered(ranked, "distance")] == ["D4", "B2", "C3", "A1"]
    assert ordered(ranked, "score") == ranked


def clause(text: str, start: int, *, negated: bool = False) -> Clause:
    return Clause(start, start + len(text), text, ("x",), (), negated)


def test_the_reading_marks_the_evidence_strikes_the_denied_and_names_the_metier():
    text = "J'ai tenu la caisse. Je n'ai jamais encadré."
    clauses = [clause("J'ai tenu la caisse", 0), clause("Je n'ai jamais encadré", 21, negated=True)]
    macro = {"code_ogr": CAISSE[0], "libelle": CAISSE[1]}
    fiche = Fiche("D1505", "Hôte / Hôtesse de caisse", frozenset(), frozenset(), frozenset())
    found = [
        Found(
            "competences", CAISSE[0], {"libelle": CAISSE[1], "macro": macro}, 0.9, [(13, 19)], None
        ),
        Found("savoirs", "500", {"libelle": "Procédures d'encaissement"}, 0.5, [(13, 19)], fiche),
    ]
    view = reading_view(text, Extraction(Reading(clauses, 8, 4), found, None, []))
    assert "<mark>caisse</mark>" in str(view.text)
    assert "<s>Je n&#39;ai jamais encadré</s>" in str(view.text)
    assert view.ignored == ["Je n'ai jamais encadré"]
    assert view.codes == [CAISSE[0], "500"]
    inferred = view.groups[1].items[0]
    assert inferred.metier == "Hôte / Hôtesse de caisse"
    assert [str(e) for e in inferred.excerpts] == ["J&#39;ai tenu la <mark>caisse</mark>"]


def test_an_empty_reading_gives_its_reason_in_french():
    view = reading_view("bof", Extraction(Reading([], 1, 0), [], NOTHING_ABOVE, []))
    assert view.groups == []
    assert view.reason is not None
    assert view.reason.startswith("Aucune compétence n’est assez sûre")
