""" "Passer à l'action": the catalogue parses with every key, each link carries the métier and
the place, and a link can only point at its service."""

import copy
import json
from typing import Any
from urllib.parse import quote, urlsplit

import pytest
from pydantic import ValidationError

from search_api.journey.actions import (
    CATALOGUE_FILE,
    Catalogue,
    Metier,
    Place,
    PlaceName,
    build_link,
    load_catalogue,
)
from search_api.journey.examples import ACTIONS
from search_api.journey.schemas import ActionsResponse

SERVICES = {"immersion", "alternance", "candidatures_spontanees", "formations", "vae"}
METIER = Metier("D1102", "Boulanger / Boulangère", "11573", "Boulanger / Boulangère")
AUVERGNE = PlaceName("region", "84", "Auvergne-Rhône-Alpes")
RHONE = PlaceName("departement", "69", "Rhône")
LYON = Place(PlaceName("commune", "69123", "Lyon"), RHONE, AUVERGNE, "69001")
PLACES = {
    "commune": LYON,
    "departement": Place(RHONE, RHONE, AUVERGNE, None),
    "region": Place(AUVERGNE, None, AUVERGNE, None),
}
TITLE = quote(METIER.libelle, safe="")
# How each service names the métier: the ROME code where its scheme takes one (La bonne
# boîte's commune route; its other forms take the title), else an appellation code or a title.
CARRIES = {
    "immersion": (METIER.appellation_code,),
    "alternance": (TITLE,),
    "candidatures_spontanees": (METIER.code_rome, TITLE),
    "formations": (TITLE,),
    "vae": (quote(METIER.appellation, safe=""),),
}


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


def raw() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(CATALOGUE_FILE.read_text(encoding="utf-8"))
    return data


def test_the_catalogue_parses_with_every_required_key(catalogue):
    assert set(catalogue.services) == SERVICES
    for service in catalogue.services.values():
        assert service.label
        assert service.provider
        assert service.pattern("france") is not None
        for pattern in service.links:
            assert pattern.url.startswith("https://")
            assert len(pattern.source) >= 10
            assert pattern.confirmed or pattern.note


@pytest.mark.parametrize("level", ["commune", "departement", "region"])
def test_each_link_carries_the_metier_and_the_place(catalogue, level):
    place = PLACES[level]
    for key, service in catalogue.services.items():
        link = build_link(service, METIER, place)
        assert any(token in link.url for token in CARRIES[key]), (key, link.url)
        if key == "vae":  # national by design: see its note
            assert link.lieu is None
            continue
        assert link.lieu is not None, key
        encoded = (quote(link.lieu.code, safe=""), quote(link.lieu.libelle, safe=""))
        assert any(value in link.url for value in encoded), (key, link.url)


def test_a_commune_falls_back_to_the_larger_area_the_service_searches(catalogue):
    services = catalogue.services
    in_lyon = build_link(services["candidatures_spontanees"], METIER, LYON)
    assert in_lyon.lieu == LYON.name
    assert "/entreprises/commune/69123/rome/D1102?" in in_lyon.url
    in_rhone = build_link(services["candidatures_spontanees"], METIER, PLACES["departement"])
    assert in_rhone.lieu == RHONE
    assert "l=Rh%C3%B4ne" in in_rhone.url
    formations = build_link(services["formations"], METIER, PLACES["region"])
    assert formations.lieu == AUVERGNE
    assert "ou=REGION-84" in formations.url
    immersion = build_link(services["immersion"], METIER, PLACES["region"])
    assert immersion.lieu == AUVERGNE
    vae = build_link(services["vae"], METIER, LYON)
    assert vae.lieu is None  # national only
    assert vae.pattern is services["vae"].pattern("france")


def test_without_a_place_every_link_is_national(catalogue):
    for key, service in catalogue.services.items():
        link = build_link(service, METIER, None)
        assert link.lieu is None
        assert any(token in link.url for token in CARRIES[key]), (key, link.url)


def test_values_are_encoded_so_the_host_never_changes(catalogue):
    hostile = Metier("D1102", "a&b=c/../@evil.example#x", "1/2", "https://evil.example/?")
    place = Place(PlaceName("commune", "69123", "Ly&on/#"), RHONE, AUVERGNE, "69001")
    for service in catalogue.services.values():
        for where in (place, None):
            link = build_link(service, hostile, where)
            assert urlsplit(link.url).netloc == urlsplit(link.pattern.url).netloc
            assert "evil.example" not in urlsplit(link.url).netloc
            assert "#" not in link.url


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda c: c["services"]["vae"]["links"][0].update(url="https://{region}.gouv.fr/"),
            "host",
        ),
        (lambda c: c["services"]["vae"]["links"][0].update(url="http://vae.gouv.fr/"), "https"),
        (
            lambda c: c["services"]["vae"]["links"][0].update(url="https://x.fr/{commune}"),
            "commune",
        ),
        (lambda c: c["services"]["vae"]["links"][0].update(url="https://x.fr/{metier!r}"), "bare"),
        (lambda c: c["services"]["vae"]["links"][0].update(levels=["commune"]), "france"),
        (lambda c: c["services"]["vae"]["links"][0].update(confirmed=False, note=None), "note"),
        (lambda c: c["services"]["vae"]["links"][0].pop("source"), "source"),
        (lambda c: c["services"]["vae"].pop("provider"), "provider"),
        (lambda c: c["services"].update(VAE=c["services"]["vae"]), "lowercase"),
    ],
)
def test_a_broken_catalogue_is_refused(change, message):
    data = copy.deepcopy(raw())
    change(data)
    with pytest.raises(ValidationError, match=message):
        Catalogue.model_validate(data)


def test_the_response_example_is_a_valid_instance():
    ActionsResponse.model_validate(ACTIONS)


def test_the_route_lists_every_service_for_a_commune(api):
    response = api.get("/v1/metiers/M1805/actions", params={"territoire": "commune-69123"})
    assert response.status_code == 200
    body = response.json()
    assert body["code_rome"] == "M1805"
    assert body["territoire"] == {"type": "commune", "code": "69123", "libelle": "Lyon"}
    assert body["appellation"]["code"] == "14153"  # the principal appellation
    by_service = {a["service"]: a for a in body["actions"]}
    assert set(by_service) == SERVICES
    bonne_boite = by_service["candidatures_spontanees"]
    assert bonne_boite["url"].endswith("/entreprises/commune/69123/rome/M1805?d=30")
    assert bonne_boite["confirmed"] is True
    assert bonne_boite["sortie"] == (
        "/sortie/candidatures_spontanees?code_rome=M1805&territoire=commune-69123"
    )
    assert by_service["formations"]["url"].endswith("&ou=COMMUNE-69123")
    assert by_service["alternance"]["lieu"]["libelle"] == "Lyon"


def test_a_fiche_emploi_links_with_its_fiche_metier_code(api):
    emploi = api.get("/v1/metiers/D1108").json()  # a fiche emploi under D1102
    assert emploi["parent"]["code"] == "D1102"
    body = api.get("/v1/metiers/D1108/actions").json()
    assert body["code_rome"] == "D1102"
    assert body["libelle"] == emploi["libelle"]
    assert body["territoire"] is None


def test_an_appellation_of_another_fiche_is_a_422(api):
    response = api.get("/v1/metiers/M1805/actions", params={"appellation": "11573"})
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "appellation"
    chosen = api.get("/v1/metiers/M1805/actions", params={"appellation": "10944"}).json()
    assert chosen["appellation"]["code"] == "10944"


@pytest.mark.parametrize(
    ("path", "params", "status"),
    [
        ("/v1/metiers/M9999/actions", {}, 404),
        ("/v1/metiers/M1805/actions", {"territoire": "commune-99999"}, 404),
        ("/v1/metiers/M1805/actions", {"territoire": "lyon"}, 422),
        ("/v1/metiers/M1805/actions", {"appellation": "abc"}, 422),
    ],
)
def test_unknown_codes_are_404_and_malformed_ones_422(api, path, params, status):
    assert api.get(path, params=params).status_code == status
