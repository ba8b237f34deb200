"""Impact indicators: counts go up after real requests, `/metrics` parses, no query text or
identifier reaches it, and the zero-result table stays bounded."""

import uuid

import pytest
from prometheus_client.parser import text_string_to_metric_families

from search_api.journey.metrics import JourneyMetrics, route_of
from search_api.journey.zero_results import MAX_QUERY, TopQueries, normalise

Samples = dict[tuple[str, frozenset[tuple[str, str]]], float]


def scrape(api) -> Samples:
    """Every sample of `/metrics`, by name and labels."""
    response = api.get("/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    return {
        (s.name, frozenset(s.labels.items())): s.value
        for family in text_string_to_metric_families(response.text)
        for s in family.samples
    }


def value(samples: Samples, name: str, **labels: str) -> float:
    return samples.get((name, frozenset(labels.items())), 0.0)


def test_requests_are_counted_and_timed_per_route_template(api):
    requests = "metierscope_http_requests_total"
    fiche = {"method": "GET", "route": "/v1/metiers/{code_rome}", "status": "200"}
    before = scrape(api)
    assert api.get("/v1/metiers/M1805").status_code == 200
    assert api.get("/v1/metiers/D1102").status_code == 200
    assert api.get("/v1/metiers/M9999").status_code == 404
    assert api.get(f"/nulle-part/{uuid.uuid4().hex}").status_code == 404
    after = scrape(api)
    assert value(after, requests, **fiche) - value(before, requests, **fiche) == 2
    missing = {**fiche, "status": "404"}
    assert value(after, requests, **missing) - value(before, requests, **missing) == 1
    unmatched = {"method": "GET", "route": "unmatched", "status": "404"}
    assert value(after, requests, **unmatched) - value(before, requests, **unmatched) == 1
    timed = ("metierscope_http_request_duration_seconds_count", "GET", "/v1/metiers/{code_rome}")
    count = {"method": timed[1], "route": timed[2]}
    assert value(after, timed[0], **count) - value(before, timed[0], **count) == 3
    routes = {dict(labels).get("route") for _, labels in after}
    assert not any(r and ("M1805" in r or "nulle-part" in r) for r in routes)


def test_no_query_text_reaches_metrics(api):
    # Letters only: a run of six digits would make the privacy filter refuse to list it.
    secret = "zzq" + "".join(chr(ord("a") + int(c, 16)) for c in uuid.uuid4().hex[:10])
    assert api.get("/v1/search", params={"q": secret}).status_code == 200
    api.app.state.metrics.zero_result(secret)
    text = api.get("/metrics").text
    assert secret not in text
    assert 'route="/v1/search"' in text
    listed = {c["key"] for c in api.get("/v1/stats").json()["zero_results"]["top"]}
    assert secret in listed  # on /stats, as a count only


def test_a_followed_link_is_counted_and_redirects_to_the_service(api):
    clicks = "metierscope_action_clicks_total"
    before = scrape(api)
    params = {"code_rome": "M1805", "territoire": "commune-69123"}
    response = api.get("/sortie/candidatures_spontanees", params=params, follow_redirects=False)
    assert response.status_code == 302
    expected = "https://labonneboite.francetravail.fr/entreprises/commune/69123/rome/M1805?d=30"
    assert response.headers["location"] == expected
    assert response.headers["cache-control"] == "no-store"
    after = scrape(api)
    assert (
        value(after, clicks, service="candidatures_spontanees")
        - value(before, clicks, service="candidatures_spontanees")
        == 1
    )
    stats = {c["key"]: c["count"] for c in api.get("/v1/stats").json()["action_clicks"]}
    assert stats["candidatures_spontanees"] >= 1


@pytest.mark.parametrize(
    ("path", "params", "status"),
    [
        ("/sortie/evil", {"code_rome": "M1805"}, 404),
        ("/sortie/https:%2F%2Fevil.example", {"code_rome": "M1805"}, 404),
        ("/sortie/vae", {"code_rome": "https://evil.example"}, 422),
        ("/sortie/vae", {}, 422),
        ("/sortie/vae", {"code_rome": "M1805", "territoire": "//evil.example"}, 422),
        ("/sortie/vae", {"code_rome": "M9999"}, 404),
    ],
)
def test_the_redirect_refuses_what_it_does_not_know(api, path, params, status):
    before = api.get("/v1/stats").json()["action_clicks"]
    response = api.get(path, params=params, follow_redirects=False)
    assert response.status_code == status
    assert "location" not in response.headers
    assert api.get("/v1/stats").json()["action_clicks"] == before


def test_fiche_openings_and_zero_results_show_on_metrics_and_stats(api):
    metrics = api.app.state.metrics
    before = scrape(api)
    metrics.fiche_opened("N4101")
    metrics.fiche_opened("N4101")
    metrics.zero_result("Développeur   BLOCKCHAIN ")
    after = scrape(api)
    opened = "metierscope_fiche_openings_total"
    assert value(after, opened, code_rome="N4101") - value(before, opened, code_rome="N4101") == 2
    zero = "metierscope_zero_result_searches_total"
    assert value(after, zero) - value(before, zero) == 1
    stats = api.get("/v1/stats").json()
    assert {"key": "N4101", "count": value(after, opened, code_rome="N4101")} in [
        {"key": c["key"], "count": float(c["count"])} for c in stats["fiche_openings"]
    ]
    assert "développeur blockchain" in {c["key"] for c in stats["zero_results"]["top"]}
    assert stats["zero_results"]["total"] == value(after, zero)


def test_a_fiche_opening_needs_a_rome_code():
    with pytest.raises(ValueError, match="ROME"):
        JourneyMetrics().fiche_opened("<script>")


def test_each_app_counts_on_its_own():
    first, second = JourneyMetrics(), JourneyMetrics()
    first.action_followed("vae")
    assert [c.count for c in first.stats().action_clicks] == [1]
    assert second.stats().action_clicks == []


def test_the_route_template_comes_from_the_scope():
    class Route:
        path_format = "/v1/metiers/{code_rome}"

    assert route_of({"route": Route()}) == "/v1/metiers/{code_rome}"
    assert route_of({}) == "unmatched"


@pytest.mark.parametrize(
    ("typed", "counted"),
    [
        ("  Développeur\tWEB  ", "développeur web"),
        ("Ｅｌｅｃｔｒｉｃｉｅｎ", "electricien"),  # full-width letters (NFKC)
        ("", None),
        ("   ", None),
        ("jean.dupont@example.org", None),
        ("appelez le 06 12 34 56 78", None),
        ("développeur 2024", "développeur 2024"),
        ("x" * 200, "x" * MAX_QUERY),
    ],
)
def test_queries_are_normalised_and_personal_ones_never_listed(typed, counted):
    assert normalise(typed) == counted


def test_the_zero_result_table_is_bounded_and_keeps_the_frequent_queries():
    table = TopQueries(capacity=10)
    for _ in range(30):
        table.add("plombier")
    for n in range(50):
        table.add(f"rare {n}")
    for _ in range(12):
        table.add("soudeur")
    top = table.top(20)
    assert len(top) == 10
    assert (top[0].query, top[0].count, top[0].overcount) == ("plombier", 30, 0)
    # Seen more than total / capacity = 9.2 times: guaranteed listed, its true count bracketed.
    soudeur = next(c for c in top if c.query == "soudeur")
    assert soudeur.count - soudeur.overcount <= 12 <= soudeur.count
    assert sum(c.query.startswith("rare") for c in top) == 8
