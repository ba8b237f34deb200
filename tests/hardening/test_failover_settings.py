"""The API's `es_url`: one node as before, or every node of a cluster, and a clear refusal of a
typo at start-up (the failover scenario's client must know all nodes)."""

import pytest
from pydantic import ValidationError

from search_api.settings import ApiSettings


def test_one_url_still_works():
    assert ApiSettings(es_url="http://127.0.0.1:9200").es_urls == ["http://127.0.0.1:9200"]


def test_a_comma_separated_list_gives_every_node():
    settings = ApiSettings(es_url="http://127.0.0.1:9280, http://127.0.0.1:9281,https://es:443")
    assert settings.es_urls == ["http://127.0.0.1:9280", "http://127.0.0.1:9281", "https://es:443"]


def test_the_environment_variable_takes_the_list(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("METIERSCOPE_ES_URL", "http://a:9200,http://b:9200")
    assert ApiSettings().es_urls == ["http://a:9200", "http://b:9200"]


@pytest.mark.parametrize(
    ("value", "named"),
    [
        ("", "''"),
        ("127.0.0.1:9200", "'127.0.0.1:9200'"),
        ("http://a:9200,", "''"),
        ("http://a:9200,ftp://b", "'ftp://b'"),
        ("http://a:92OO", "'http://a:92OO'"),
        ("http://a:99999", "'http://a:99999'"),
    ],
)
def test_a_bad_entry_is_a_settings_error_naming_it(value: str, named: str):
    with pytest.raises(ValidationError, match="es_url") as error:
        ApiSettings(es_url=value)
    assert f"{named} is not an http(s)://host[:port] URL" in str(error.value)
