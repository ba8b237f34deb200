"""Unit tests of the pages' pure functions: escaping, links, territory keys, charts, groups."""

import pytest

from models.refs import CodeLabel, MacroRef
from search_api.common.facets import FacetCount
from search_api.offres.service import Market, Salary
from search_api.search.hits import Hit
from search_api.web import market, results
from search_api.web.picker import back_to
from search_api.web.reads import MacroPath, tree
from search_api.web.templating import euros, highlighted, link, plural
from search_api.web.territory import parse_key


def test_highlight_escapes_the_label_and_marks_only_the_matches():
    html = highlighted("<em>Infirm</em>ier <script>x</script> & <em>co</em>", "ignored")
    assert str(html) == (
        "<mark>Infirm</mark>ier &lt;script&gt;x&lt;/script&gt; &amp; <mark>co</mark>"
    )
    assert str(highlighted(None, "a < b")) == "a &lt; b"


def test_a_match_cannot_smuggle_markup_either():
    assert str(highlighted("<em><b>x</b></em>", "")) == "<mark>&lt;b&gt;x&lt;/b&gt;</mark>"


def test_links_carry_the_territory_and_drop_empty_parameters():
    assert link(
        "/recherche", "departement-07", q="boulanger", page=None, type=["fiche", "savoir"]
    ) == ("/recherche?q=boulanger&type=fiche&type=savoir&territoire=departement-07")
    assert link("/metiers/J1506", None) == "/metiers/J1506"
    assert link("/recherche", None, q="a&b") == "/recherche?q=a%26b"


def test_french_counts_and_euros():
    assert plural(0, "offre") == "0 offre"
    assert plural(1, "offre") == "1 offre"
    assert plural(12345, "métier") == "12\u202f345 métiers"
    assert plural(2, "territoire trouvé", "territoires trouvés") == "2 territoires trouvés"
    assert euros(2134.6) == "2\u202f135 €"
    assert euros(None) == "—"


@pytest.mark.parametrize(
    ("key", "parsed"),
    [
        ("region-84", ("region", "84")),
        ("departement-2A", ("departement", "2A")),
        ("departement-974", ("departement", "974")),
        ("commune-07010", ("commune", "07010")),
        ("commune-2B033", ("commune", "2B033")),
        ("departement-7", None),
        ("pays-FR", None),
        ("region-84x", None),
        ("", None),
    ],
)
def test_territory_keys(key, parsed):
    assert parse_key(key) == parsed


@pytest.mark.parametrize(
    ("retour", "expected"),
    [
        ("/metiers/J1506", "/metiers/J1506?territoire=region-84"),
        ("/recherche?q=a&territoire=departement-07", "/recherche?q=a&territoire=region-84"),
        ("//evil.example/x", "/?territoire=region-84"),
        ("https://evil.example/", "/?territoire=region-84"),
        ("/\\evil.example", "/?territoire=region-84"),
        ("metiers", "/?territoire=region-84"),
    ],
)
def test_going_back_stays_on_the_site(retour, expected):
    assert back_to(retour, "region-84") == expected


def test_going_back_without_a_territory_removes_it():
    assert back_to("/recherche?q=a&territoire=region-84", None) == "/recherche?q=a"


def test_bars_scale_to_the_busiest_week_and_keep_small_counts_visible():
    bars = market.bars([("2026-01-05", 0), ("2026-01-12", 1), ("2026-01-19", 400)])
    assert [b.height for b in bars] == [0, 1, market.CHART_HEIGHT]
    assert [b.y + b.height for b in bars] == [market.CHART_HEIGHT] * 3  # all on the axis
    assert bars[1].x == market.BAR_WIDTH + market.BAR_GAP
    assert market.bars([("2026-01-05", 0)])[0].height == 0


def _market(contrats: list[FacetCount], weeks: list[tuple[str, int]]) -> Market:
    return Market(sum(c.count for c in contrats), contrats, Salary(None, None, None, 0), [], weeks)


def test_side_by_side_rows_follow_the_national_order():
    cdi, cdd = FacetCount("CDI", "CDI", 10, False), FacetCount("CDD", "CDD", 4, False)
    national = _market([cdi, cdd], [("2026-01-05", 3), ("2026-01-12", 11)])
    local = _market([FacetCount("CDD", "CDD", 2, False)], [("2026-01-12", 2)])
    assert [(r.label, r.local, r.national) for r in market.contract_rows(national, local)] == [
        ("CDI", 0, 10),
        ("CDD", 2, 4),
    ]
    assert [(r.local, r.national) for r in market.week_rows(national, local)] == [(0, 3), (2, 11)]
    assert [r.local for r in market.week_rows(national, None)] == [None, None]


def _hit(entity: str, code: str, fiche: str | None = None) -> Hit:
    source: dict[str, object] = {"libelle": f"label {code}"}
    if fiche:
        source["fiche"] = {"code": fiche, "libelle": f"fiche {fiche}"}
    return Hit(entity, code, 1.0, source, None)


def test_results_are_grouped_metiers_first_and_empty_groups_dropped():
    hits = [_hit("savoirs", "1"), _hit("appellations", "2", "J1506"), _hit("fiches", "J1506")]
    groups = results.grouped(hits)
    assert [(g.type, [h.id for h in g.hits]) for g in groups] == [
        ("fiche", ["J1506"]),
        ("appellation", ["2"]),
        ("savoir", ["1"]),
    ]


def test_nearest_metiers_name_each_fiche_once():
    hits = [_hit("appellations", "2", "J1506"), _hit("fiches", "J1506"), _hit("fiches", "M1805")]
    hits.insert(1, _hit("competences", "9"))
    assert results.nearest_metiers(hits, 5) == [("J1506", "fiche J1506"), ("M1805", "label M1805")]


def test_pages_offered():
    assert results.page_count(0, 20, 10) == 1
    assert results.page_count(41, 20, 10) == 3
    assert results.page_count(5000, 20, 10) == 10
    assert results.page_window(1, 10) == [1, 2, 3, 10]
    assert results.page_window(6, 10) == [1, 4, 5, 6, 7, 8, 10]


def test_flags_read_oui_non_and_empty_facets_are_left_out():
    facets = results.french_facets(
        {"emploi_cadre": [FacetCount("true", "true", 3, False)], "secteur": []}
    )
    assert [(f.name, [v.label for v in f.values]) for f in facets] == [("emploi_cadre", ["Oui"])]


def _macro(code_ogr: str, code: str, objectif: str) -> MacroPath:
    return MacroPath(
        code_ogr=code_ogr,
        libelle=f"macro {code}",
        macro=MacroRef(code_ogr=code_ogr, code=code, libelle=f"macro {code}"),
        domaine=CodeLabel(code=code[0], libelle=f"domaine {code[0]}"),
        enjeu=CodeLabel(code=code[:2], libelle=f"enjeu {code[:2]}"),
        objectif=CodeLabel(code=objectif, libelle=f"objectif {objectif}"),
    )


def test_the_competences_tree_nests_by_tree_code():
    macros = [_macro("3", "2A101", "2A1"), _macro("1", "1B207", "1B2"), _macro("2", "1B102", "1B1")]
    roots = tree(macros, {"1": 4})
    assert [d.code for d in roots] == ["1", "2"]
    enjeu = roots[0].children[0]
    assert enjeu.code == "1B"
    assert [(o.code, [m.code for m in o.children]) for o in enjeu.children] == [
        ("1B1", ["2"]),
        ("1B2", ["1"]),
    ]
    assert enjeu.children[1].children[0].count == 4
    assert roots[1].children[0].children[0].children[0].count == 0
