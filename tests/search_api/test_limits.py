"""Overload and abuse: rate limits, the cap on CPU-heavy requests, body, query and time limits,
security headers and error bodies that say nothing internal.

The token bucket and the cap are pure objects tested alone; everything else runs the real app
against the real engine, over loopback HTTP where requests must really overlap.
"""

import ast
import asyncio
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
import pytest
import uvicorn
from elastic_transport import ApiResponseMeta, HttpHeaders, NodeConfig
from elasticsearch import ApiError as EngineApiError
from fastapi.testclient import TestClient

from search_api import examples
from search_api.app import create_app
from search_api.errors import ENGINE_DOWN, INTERNAL, ServiceBusyError
from search_api.limits import MAX_TRACKED_CLIENTS, ConcurrencyCap, RateLimiter, TokenBucket
from search_api.middleware import CSP, DOCS_CSP
from search_api.settings import ApiSettings

TEXT = examples.EXPERIENCE


def test_a_bucket_spends_its_burst_then_refills_at_its_rate():
    bucket = TokenBucket(rate=2.0, burst=3, tokens=3, stamp=0.0)
    assert [bucket.take(0.0) for _ in range(3)] == [0.0, 0.0, 0.0]
    assert bucket.take(0.0) == pytest.approx(0.5)  # one token every half second
    assert bucket.take(0.5) == 0.0
    assert bucket.take(10.0) == 0.0
    assert bucket.tokens == pytest.approx(2.0)  # refilled to the burst, never above


def test_each_client_has_its_own_bucket_and_exempt_ones_none():
    limiter = RateLimiter(rate=1.0, burst=2, exempt=["127.0.0.1"])
    assert [limiter.wait("10.0.0.1", 0.0) for _ in range(3)] == [0, 0, 1]
    assert limiter.wait("10.0.0.2", 0.0) == 0
    assert all(limiter.wait("127.0.0.1", 0.0) == 0 for _ in range(100))


def test_the_limiter_forgets_the_least_recent_client_past_its_bound():
    limiter = RateLimiter(rate=1.0, burst=1, exempt=[])
    limiter.wait("first", 0.0)
    assert limiter.wait("first", 0.0) == 1
    for n in range(MAX_TRACKED_CLIENTS):
        limiter.wait(f"10.1.{n // 256}.{n % 256}", 0.0)
    assert limiter.wait("first", 0.0) == 0  # forgotten: a fresh bucket


def test_the_cap_queues_up_to_its_bound_and_refuses_beyond():
    async def scenario() -> list[str]:
        cap = ConcurrencyCap(limit=1, queue=1)
        release = asyncio.Event()
        order: list[str] = []

        async def request(name: str) -> None:
            try:
                async with cap.hold():
                    order.append(f"{name} in")
                    await release.wait()
            except ServiceBusyError:
                order.append(f"{name} refused")

        tasks = [asyncio.create_task(request(n)) for n in ("a", "b", "c")]
        await asyncio.sleep(0.01)
        release.set()
        await asyncio.gather(*tasks)
        async with cap.hold():  # everything released: a slot again
            order.append("d in")
        return order

    assert asyncio.run(scenario()) == ["a in", "c refused", "b in", "d in"]


def engine_error(status: int) -> EngineApiError:
    node = NodeConfig("http", "es-internal.example", 9200)
    meta = ApiResponseMeta(status, "1.1", HttpHeaders(), 0.01, node)
    return EngineApiError("shard failure on es-internal.example:9200", meta, {})


def render(exc: Exception) -> tuple[int, str, str | None]:
    """What the app answers when a route lets this engine error through."""
    app = create_app(ApiSettings())

    @app.get("/engine-error")
    async def fail() -> None:
        raise exc

    response = TestClient(app).get("/engine-error")
    return response.status_code, response.text, response.headers.get("retry-after")


def test_an_overloaded_or_failing_engine_is_a_503_that_names_nothing_internal():
    for status in (429, 500, 503):
        code, body, retry = render(engine_error(status))
        assert (code, retry) == (503, "5")
        assert ENGINE_DOWN in body
        assert "es-internal" not in body
        assert "9200" not in body


def test_a_request_the_engine_refuses_is_a_500_that_names_nothing_internal():
    code, body, retry = render(engine_error(400))
    assert (code, retry) == (500, None)
    assert INTERNAL in body
    assert "es-internal" not in body
    assert "ApiError" not in body


@pytest.fixture(scope="module")
def limited(es_url, api_prefix) -> Iterator[TestClient]:
    """The app with a small bucket for the test client and tight body and time limits."""
    settings = ApiSettings(
        es_url=es_url,
        index_prefix=api_prefix,
        rate_limit_exempt=[],
        rate_limit_burst=5,
        rate_limit_per_second=0.2,  # a token every 5 s: nothing refills during the test
        max_body_bytes=2_000,
    )
    with TestClient(create_app(settings)) as client:
        yield client


def test_a_client_past_its_burst_gets_429_with_retry_after(limited):
    answers = [limited.get("/v1/search", params={"q": "boulanger"}) for _ in range(6)]
    assert [r.status_code for r in answers] == [200] * 5 + [429]
    refused = answers[-1]
    assert refused.headers["content-type"] == "application/problem+json"
    assert 1 <= int(refused.headers["retry-after"]) <= 5
    assert refused.json()["title"] == "Too Many Requests"
    assert limited.get("/health").status_code == 200  # liveness is never limited


def test_a_client_past_its_heavy_budget_gets_429_before_queuing_while_it_may_search(
    es_url, api_prefix
):
    settings = ApiSettings(
        es_url=es_url,
        index_prefix=api_prefix,
        rate_limit_exempt=[],
        heavy_burst=2,
        heavy_rate_per_second=0.1,  # one every 10 s: nothing refills during the test
    )
    with TestClient(create_app(settings)) as client:
        analyses = [
            client.post("/v1/competences/extract", json={"text": TEXT[:300]}),
            client.post("/v1/metiers/match", json={"text": TEXT[:300]}),
            client.post("/v1/competences/extract", json={"text": TEXT[:300]}),
        ]
        page = client.post("/ce-que-j-ai-fait", data={"texte": TEXT[:300]})
        searched = client.get("/v1/search", params={"q": "boulanger"})
    assert [r.status_code for r in analyses] == [200, 200, 429]
    refused = analyses[-1]
    assert refused.headers["content-type"] == "application/problem+json"
    assert 1 <= int(refused.headers["retry-after"]) <= 10
    assert "Too many analysis requests" in refused.json()["detail"]
    assert page.status_code == 429  # the page says so in French
    assert "text/html" in page.headers["content-type"]
    assert "Trop de demandes" in page.text
    assert page.headers["retry-after"]
    assert searched.status_code == 200  # the general rate limit is another, wider bucket


def test_an_announced_body_over_the_limit_is_a_413_problem(es_url, api_prefix):
    settings = ApiSettings(es_url=es_url, index_prefix=api_prefix, max_body_bytes=2_000)
    with TestClient(create_app(settings)) as client:
        response = client.post("/v1/competences/extract", json={"text": "a" * 3_000})
        streamed = client.post(
            "/v1/competences/extract",
            content=(b'{"text": "' + b"a" * 1_000 + b'"}' for _ in range(3)),  # chunked
            headers={"content-type": "application/json"},
        )
        fits = client.post("/v1/competences/extract", json={"text": TEXT[:1_500]})
    for refused in (response, streamed):
        assert refused.status_code == 413
        assert refused.headers["content-type"] == "application/problem+json"
        assert "2000 bytes" in refused.json()["detail"]
    assert fits.status_code == 200


def test_every_text_parameter_longer_than_documented_is_a_422_naming_it(api):
    spec = api.get("/openapi.json").json()
    checked = 0
    for path, item in spec["paths"].items():
        for param in item.get("get", {}).get("parameters", []):
            limit = param["schema"].get("maxLength")
            if param["in"] != "query" or limit is None:
                continue
            response = api.get(path, params={param["name"]: "a" * (limit + 1)})
            assert response.status_code == 422, f"{path} {param['name']}"
            assert param["name"] in response.json()["detail"]
            checked += 1
    assert checked >= 7


def test_a_request_past_the_timeout_is_a_503_with_retry_after(es_url, api_prefix):
    settings = ApiSettings(es_url=es_url, index_prefix=api_prefix, request_timeout=0.01)
    with TestClient(create_app(settings)) as client:
        response = client.post("/v1/competences/extract", json={"text": TEXT})
        assert client.get("/health").status_code == 200  # and the process serves on
    assert response.status_code == 503
    assert response.headers["retry-after"] == "5"
    assert response.json()["title"] == "Request timed out"


@contextmanager
def serve(settings: ApiSettings) -> Iterator[str]:
    """The app on a free loopback port, for requests that must really run at once."""
    server = uvicorn.Server(
        uvicorn.Config(create_app(settings), host="127.0.0.1", port=0, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        assert time.monotonic() < deadline, "the API did not start"
        assert thread.is_alive(), "the API failed to start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{server.servers[0].sockets[0].getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def test_heavy_requests_past_the_cap_and_its_queue_get_503_while_searches_pass(es_url, api_prefix):
    settings = ApiSettings(
        es_url=es_url, index_prefix=api_prefix, heavy_concurrency=1, heavy_queue=1
    )

    async def burst(url: str) -> tuple[list[httpx.Response], httpx.Response]:
        async with httpx.AsyncClient(base_url=url, timeout=30) as client:
            heavy = [
                client.post("/v1/competences/extract", json={"text": TEXT}),
                client.post("/v1/metiers/match", json={"text": TEXT}),
                client.post("/v1/competences/extract", json={"text": TEXT}),
            ]
            search = client.get("/v1/search", params={"q": "boulanger"})
            *answers, searched = await asyncio.gather(*heavy, search)
        return answers, searched

    with serve(settings) as url:
        answers, searched = asyncio.run(burst(url))
    assert sorted(r.status_code for r in answers) == [200, 200, 503]
    busy = next(r for r in answers if r.status_code == 503)
    assert busy.json()["title"] == "Service busy"
    assert busy.headers["retry-after"] == "2"
    assert searched.status_code == 200  # searches are not capped


def test_pages_answer_with_the_strict_policy_and_docs_with_their_own(api):
    for path in ("/health", "/v1/search?q=boulanger", "/v1/nowhere", "/openapi.json"):
        headers = api.get(path).headers
        assert headers["content-security-policy"] == CSP, path
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "strict-origin-when-cross-origin"
    docs = api.get("/docs")
    assert docs.status_code == 200
    assert docs.headers["content-security-policy"] == DOCS_CSP
    assert "https://cdn.jsdelivr.net" in docs.text  # what DOCS_CSP lets it load
    assert "script-src 'self';" in CSP  # no inline script outside the docs


WRITES = {
    "index",
    "create",
    "delete",
    "bulk",
    "update",
    "update_by_query",
    "delete_by_query",
    "reindex",
    "put_mapping",
    "put_settings",
    "update_aliases",
    "put_alias",
    "delete_alias",
    "put_index_template",
}


def receiver(node: ast.expr) -> list[str]:
    """Dotted names of a call's receiver: `self.es.indices` -> [self, es, indices]."""
    if isinstance(node, ast.Attribute):
        return [*receiver(node.value), node.attr]
    return [node.id] if isinstance(node, ast.Name) else []


def test_no_http_route_writes_to_the_engine(repo_root):
    """Indexing and deletion are CLI-only: the API's code never calls a write API of the client,
    and no route answers PUT, PATCH or DELETE."""
    calls = [
        (path, node.func.attr)
        for path in (repo_root / "search_api").rglob("*.py")
        for node in ast.walk(ast.parse(path.read_text()))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and "es" in receiver(node.func.value)
    ]
    assert len(calls) >= 8  # the engine's reads are seen
    assert [c for c in calls if c[1] in WRITES] == []
    methods = {m for r in create_app().routes for m in getattr(r, "methods", None) or ()}
    assert methods <= {"GET", "HEAD", "POST"}
