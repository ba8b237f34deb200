"""`metierscope`: the operator's single entry point."""

import json
import time
from datetime import datetime
from pathlib import Path
from typing import Annotated

import typer
from elastic_transport import TransportError
from elasticsearch import ApiError, Elasticsearch
from rich.console import Console
from rich.table import Table

from evaluation import commands as evaluation
from hardening import commands as hardening
from indexer import services
from indexer.download import DownloadError, download_export
from indexer.engine import EngineError, embedded_cluster
from indexer.francetravail import FranceTravailError
from indexer.offres import OffersReport
from indexer.offres_load import ensure_offres_index, expire_offres, fetch_offres, ingest_offres
from indexer.offres_sample import load_sample
from indexer.pipeline import IndexCountError, run_index, run_territoires
from indexer.referential.csvfile import ExportFileError
from indexer.referential.report import ExportInvalidError
from indexer.reindex import ReindexError
from indexer.settings import MissingDataError, Settings
from mappings import ENTITIES, TERRITOIRES

app = typer.Typer(help="MétierScope: ROME 4.0 search engine operations.", no_args_is_help=True)
engine_app = typer.Typer(help="The embedded Elasticsearch engine.", no_args_is_help=True)
app.add_typer(engine_app, name="engine")

# What a bad export or a failed reindex raises: reported in one line, never a traceback.
INDEX_ERRORS = (
    ExportInvalidError,
    ExportFileError,
    ReindexError,
    IndexCountError,
    MissingDataError,  # a data folder is not there: the message says how to get it
    ValueError,
    TransportError,  # engine unreachable or timing out
    ApiError,  # engine refused a request
)

Nodes = Annotated[int | None, typer.Option(help="Cluster size (default METIERSCOPE_ES_NODES).")]
HttpPort = Annotated[int | None, typer.Option(help="HTTP port of node 0.")]


def _fail(error: Exception) -> typer.Exit:
    typer.secho(f"error: {error}", fg=typer.colors.RED, err=True)
    return typer.Exit(code=1)


def _embedded_only(settings: Settings) -> None:
    if settings.engine != "embedded":
        typer.echo(
            f"METIERSCOPE_ENGINE={settings.engine}: nothing to manage, using {settings.es_url}"
        )
        raise typer.Exit(code=0)


@engine_app.command("up")
def engine_up(nodes: Nodes = None, http_port: HttpPort = None) -> None:
    """Provision (first run) and start the embedded engine; returns once it is healthy."""
    settings = Settings()
    _embedded_only(settings)
    started = time.monotonic()
    try:
        cluster = embedded_cluster(settings, nodes=nodes, http_port=http_port)
        provisioned = time.monotonic()
        cluster.start()
    except EngineError as e:
        raise _fail(e) from e
    done = time.monotonic()
    typer.echo(
        f"Elasticsearch {cluster.dist.version} healthy at {cluster.url} "
        f"({len(cluster.specs)} node(s); provision {provisioned - started:.1f}s, "
        f"start {done - provisioned:.1f}s)"
    )


@engine_app.command("down")
def engine_down(nodes: Nodes = None, http_port: HttpPort = None) -> None:
    """Stop the embedded engine cleanly (its data stays)."""
    settings = Settings()
    _embedded_only(settings)
    try:
        stopped = embedded_cluster(settings, nodes=nodes, http_port=http_port).stop()
    except EngineError as e:
        raise _fail(e) from e
    typer.echo(f"stopped: {', '.join(stopped)}" if stopped else "nothing was running")


@engine_app.command("status")
def engine_status(nodes: Nodes = None, http_port: HttpPort = None) -> None:
    """Say where the engine is installed, which nodes run and how healthy it is."""
    settings = Settings()
    _embedded_only(settings)
    try:
        status = embedded_cluster(settings, nodes=nodes, http_port=http_port).status()
    except EngineError as e:
        raise _fail(e) from e
    typer.echo(json.dumps(status, indent=2))
    if status["health"] is None:
        raise typer.Exit(code=3)


@app.command()
def serve() -> None:
    """Run the search API in the foreground (the engine must be reachable)."""
    services.serve(Settings())


@app.command()
def up() -> None:
    """Start everything in the background; returns when the API answers."""
    try:
        url = services.up(Settings())
    except (EngineError, services.ServiceError, *INDEX_ERRORS) as e:
        raise _fail(e) from e
    typer.echo(f"MétierScope API ready at {url} (docs at {url}/docs)")


@app.command()
def down() -> None:
    """Stop everything `up` or `run` started."""
    try:
        typer.echo("\n".join(services.down(Settings())))
    except EngineError as e:
        raise _fail(e) from e


@app.command()
def run() -> None:
    """Start everything in the foreground; Ctrl-C stops what this command started."""
    try:
        services.run(Settings())
    except (EngineError, services.ServiceError, *INDEX_ERRORS) as e:
        raise _fail(e) from e


@app.command()
def download(
    url: Annotated[
        str | None, typer.Option(help="Export zip URL (default METIERSCOPE_ROME_URL).")
    ] = None,
    dest: Annotated[
        Path | None, typer.Option(help="Folder to unpack into (default METIERSCOPE_ROME_DIR).")
    ] = None,
) -> None:
    """Download the ROME 4.0 export zip and unpack its CSV files."""
    settings = Settings()
    source = url or settings.rome_url
    if not source:
        raise _fail(ValueError("no URL: pass --url or set METIERSCOPE_ROME_URL"))
    target = dest or settings.rome_dir
    try:
        files = download_export(source, target)
    except DownloadError as e:
        raise _fail(e) from e
    typer.echo(f"{len(files)} CSV files unpacked into {target}")


index_app = typer.Typer(
    help="Index the ROME export and the territories; `offres` loads job offers.",
    invoke_without_command=True,
)
app.add_typer(index_app, name="index")


@index_app.callback()
def index(
    ctx: typer.Context,
    only: Annotated[
        list[str] | None, typer.Option(help="Rebuild only these entities (repeatable).")
    ] = None,
) -> None:
    """Index the ROME 4.0 export (one new index per entity, all aliases swapped at once) and
    the territories; `--only territoires` or `--only <entity>` rebuilds just those."""
    if ctx.invoked_subcommand is not None:
        return
    settings = Settings()
    console = Console()
    es = Elasticsearch(settings.es_urls, request_timeout=120)
    started = time.monotonic()
    wanted = only or [*ENTITIES, TERRITOIRES]
    try:
        rome = [e for e in wanted if e != TERRITOIRES]
        if rome:
            run_index(es, settings, rome, console)
        if TERRITOIRES in wanted:
            run_territoires(es, settings, console)
        ensure_offres_index(es, settings)  # offers are loaded apart; the API needs the index
    except INDEX_ERRORS as e:
        raise _fail(e) from e
    finally:
        es.close()
    console.print(f"indexed in {time.monotonic() - started:.1f}s")


@index_app.command("offres")
def index_offres(
    file: Annotated[
        Path | None,
        typer.Option(help="Offers as JSON lines or API search pages (Offres d'emploi v2)."),
    ] = None,
    api: Annotated[
        bool, typer.Option(help="Fetch from the France Travail API since the last live run.")
    ] = False,
    sample: Annotated[
        bool,
        typer.Option(
            help="Load the sample of real offers (METIERSCOPE_OFFRES_SAMPLE, or --file) and "
            "mark the index as a sample."
        ),
    ] = False,
    vectors: Annotated[bool, typer.Option(help="Embed offer titles for semantic search.")] = True,
    expire_before: Annotated[
        datetime | None, typer.Option(help="Then delete offers not updated since this date.")
    ] = None,
) -> None:
    """Load job offers by id (loading twice changes nothing) and remove expired ones."""
    settings = Settings()
    console = Console()
    es = Elasticsearch(settings.es_urls, request_timeout=120)
    started = time.monotonic()
    try:
        reports = []
        if sample:
            path = _sample_file(file, settings)
            reports.append(load_sample(es, settings, path, console, vectors=vectors))
        elif file is not None:
            reports.append(ingest_offres(es, settings, file, console, vectors=vectors))
        if api:
            reports.append(fetch_offres(es, settings, console, vectors=vectors))
        for report in reports:
            console.print(offers_table(report))
            for error in report.errors[:20]:
                console.print(f"[yellow]rejected[/] {error}")
        if expire_before is not None:
            deleted = expire_offres(es, settings, expire_before)
            console.print(f"{deleted} offer(s) not updated since {expire_before:%Y-%m-%d} removed")
    except (*INDEX_ERRORS, OSError, FranceTravailError) as e:
        raise _fail(e) from e
    finally:
        es.close()
    console.print(f"done in {time.monotonic() - started:.1f}s")


def _sample_file(file: Path | None, settings: Settings) -> Path:
    """The file `--sample` loads: `--file` if given, else the configured sample."""
    path = file or settings.offres_sample
    if path is None:
        raise ValueError("no offers sample: pass --file or set METIERSCOPE_OFFRES_SAMPLE")
    return path


def offers_table(report: OffersReport) -> Table:
    """Offers read, rejected and resolved to a territory, a fiche, an appellation, a salary."""
    table = Table(title=f"{report.read:,} offer(s) read, {len(report.errors):,} rejected")
    table.add_column("resolved to")
    table.add_column("offers", justify="right")
    for method, count in sorted(report.territory.items()):
        table.add_row(f"territory ({method})", f"{count:,}")
    for outcome, count in sorted(report.fiche.items()):
        table.add_row(f"fiche ({outcome})", f"{count:,}")
    table.add_row("appellation (label matched)", f"{report.appellation:,}")
    table.add_row("monthly salary (parsed)", f"{report.salary:,}")
    return table


chaos_app = typer.Typer(
    help="Fault scenarios under load, on engines of their own.", no_args_is_help=True
)
app.add_typer(chaos_app, name="chaos")
chaos_app.command("outage")(hardening.outage)
chaos_app.command("failover")(hardening.failover)
chaos_app.command("killed-index")(hardening.killed_index)
chaos_app.command("flood")(hardening.flood)
chaos_app.command("soak")(hardening.soak)
app.command("eval")(evaluation.evaluate)
app.command("bench")(evaluation.bench)
app.command("train")(evaluation.train)
