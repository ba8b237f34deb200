"""A local HTTP server speaking the France Travail protocol: OAuth2 client-credentials token,
the Offres d'emploi v2 search with `range` paging (206 + Content-Range), its 3150-result cap,
and scripted failures (429 with Retry-After, 5xx, rotated tokens)."""

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlparse

CLIENT_ID, CLIENT_SECRET = "client-id", "client-secret"
MAX_PAGE, MAX_FIRST, MAX_LAST = 150, 3000, 3149


@dataclass
class FakeApi:
    """State of the fake API: the offers it serves and the failures it has to give."""

    offers: list[dict[str, Any]]
    failures: list[int] = field(default_factory=list)  # statuses answered to the next searches
    tokens_issued: int = 0
    searches: int = 0

    def token(self) -> str:
        return f"token-{self.tokens_issued}"


def _date(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


class Handler(BaseHTTPRequestHandler):
    api: FakeApi

    def log_message(self, *args: object) -> None:  # keep test output clean
        pass

    def _send(
        self, status: int, body: object = None, headers: dict[str, str] | None = None
    ) -> None:
        payload = b"" if body is None else json.dumps(body).encode()
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", 0))
        form = parse_qs(self.rfile.read(length).decode())
        if form.get("grant_type") != ["client_credentials"]:
            return self._send(400, {"error": "unsupported_grant_type"})
        if form.get("client_id") != [CLIENT_ID] or form.get("client_secret") != [CLIENT_SECRET]:
            return self._send(401, {"error": "invalid_client"})
        self.api.tokens_issued += 1
        return self._send(
            200, {"access_token": self.api.token(), "expires_in": 1499, "token_type": "Bearer"}
        )

    def do_GET(self) -> None:
        api = self.api
        token = self.headers.get("Authorization", "").removeprefix("Bearer ")
        if token != api.token():  # unknown, or rotated since it was issued
            return self._send(401, {"message": "invalid token"})
        api.searches += 1
        if api.failures:
            status = api.failures.pop(0)
            return self._send(
                status, {"message": "scripted"}, {"Retry-After": "2"} if status == 429 else None
            )
        query = parse_qs(urlparse(self.path).query)
        first, last = (int(x) for x in query["range"][0].split("-"))
        if last - first + 1 > MAX_PAGE or first > MAX_FIRST or last > MAX_LAST:
            return self._send(400, {"message": "range out of bounds"})
        low, high = _date(query["minCreationDate"][0]), _date(query["maxCreationDate"][0])
        found = [o for o in api.offers if low <= _date(o["dateCreation"]) <= high]
        if not found:
            return self._send(204)
        page = found[first : last + 1]
        status = 206 if first + len(page) < len(found) else 200
        headers = {"Content-Range": f"offres {first}-{first + len(page) - 1}/{len(found)}"}
        return self._send(status, {"resultats": page, "filtresPossibles": []}, headers)


@contextmanager
def serve(api: FakeApi) -> Iterator[str]:
    """Run the fake API on 127.0.0.1 (a free port); yields its base URL."""
    handler = type("BoundHandler", (Handler,), {"api": api})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
