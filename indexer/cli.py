"""`metierscope`: the operator's single entry point."""

import asyncio
import json
import time
from datetime import datetime
from pathlib import Path
from typing import Annotated

import httpx
import typer
from elastic_transport import TransportError
from elasticsearch import ApiError, Elasticsearch
from rich.console import Console
from rich.table import Table

from indexer import services
from indexer.bench import EXTRACT_CHARS, offer_facet_load, run_bench
from indexer.download import DownloadError, download_export
from indexer.engine import EngineError, embedded_cluster
from indexer.evaluation import read_labelled, run_evaluation
from indexer.francetravail import FranceTravailError
from indexer.offres import OffersReport
from indexer.pipeline import (
    IndexCountError,
    bench_offres,
    ensure_offres_index,
    expire_offres,
    fetch_offres,
    ingest_offres,
    run_index,
    run_territoires,
)
from indexer.profile_eval import read_ads, run_profile_evaluation
from indexer.referential.csvfile import ExportFileError
from indexer.referential.report import ExportInvalidError
from indexer.reindex import ReindexError
from indexer.settings import Settings, shared_data
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
    es = Elasticsearch(settings.es_url, request_timeout=120)
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
    vectors: Annotated[bool, typer.Option(help="Embed offer titles for semantic search.")] = True,
    expire_before: Annotated[
        datetime | None, typer.Option(help="Then delete offers not updated since this date.")
    ] = None,
) -> None:
    """Load job offers by id (loading twice changes nothing) and remove expired ones."""
    settings = Settings()
    console = Console()
    es = Elasticsearch(settings.es_url, request_timeout=120)
    started = time.monotonic()
    try:
        reports = []
        if file is not None:
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


@app.command("eval")
def evaluate(
    titles: Annotated[
        Path, typer.Option(help="Labelled titles (JSONL, eval-dev format).")
    ] = shared_data("eval-dev") / "titles.jsonl",
    competences: Annotated[
        Path, typer.Option(help="Ads with labelled compétences (JSONL, eval-dev format).")
    ] = shared_data("eval-dev") / "competences.jsonl",
) -> None:
    """Measure search relevance (per mode, and a plain BM25 baseline) and compétence extraction."""
    settings = Settings()
    try:
        report = run_evaluation(settings.es_url, settings.index_prefix, settings.embedder, titles)
        profiles = run_profile_evaluation(
            settings.es_url, settings.index_prefix, settings.embedder, competences
        )
    except (OSError, ValueError) as e:
        raise _fail(e) from e
    table = Table(title=f"Relevance on {titles.name}")
    columns = (
        "rome@1",
        "rome@5",
        "rome_exact@1",
        "rome_exact@5",
        "appellation@1",
        "appellation@5",
        "mrr",
    )
    for column in ("system", "rows", "n", *columns):
        table.add_column(column, justify="left" if column in {"system", "rows"} else "right")
    for system, subsets in report.items():
        for subset, values in subsets.items():
            cells = [f"{values.get(c, 0):.3f}" for c in columns]
            table.add_row(system, subset, f"{values.get('n', 0):.0f}", *cells)
    console = Console(width=160)
    console.print(table)
    extraction = Table(title=f"Compétence extraction and métier match on {competences.name}")
    for column in ("level", "n", "recall@5", "recall@10", "recall@20", "precision@5"):
        extraction.add_column(column, justify="left" if column == "level" else "right")
    for level in ("compétences", "macro-compétences"):
        values = profiles[level]
        cells = [f"{values[c]:.3f}" for c in ("recall@5", "recall@10", "recall@20", "precision@5")]
        extraction.add_row(level, f"{values['n']:.0f}", *cells)
    console.print(extraction)
    match = profiles["metiers/match"]
    console.print(
        f"metiers/match on the extracted profile ({match['n']:.0f} ads): ROME in top 5 "
        f"{match['rome@5']:.3f} (rolled up to the fiche métier), {match['rome_exact@5']:.3f} exact"
    )


@app.command()
def bench(
    titles: Annotated[
        Path, typer.Option(help="Queries: the `query` field of a titles JSONL file.")
    ] = shared_data("eval-dev") / "titles.jsonl",
    descriptions: Annotated[
        Path, typer.Option(help="Texts to extract from: the `text` field of a competences JSONL.")
    ] = shared_data("eval-dev") / "competences.jsonl",
    rounds: Annotated[int, typer.Option(min=1, help="Times each query is sent.")] = 1,
    offres: Annotated[
        int,
        typer.Option(
            min=0, help="Instead: ingest N generated offers and load the territory facets."
        ),
    ] = 0,
) -> None:
    """Measure API latency/throughput over HTTP at 1 and 16 clients, next to raw Elasticsearch."""
    settings = Settings()
    if offres:
        _bench_offres(settings, offres)
        return
    api_url = f"http://{settings.api_host}:{settings.api_port}"
    try:
        texts = [q.query for q in read_labelled(titles)]
        ads = [ad.text for ad in read_ads(descriptions) if len(ad.text) >= EXTRACT_CHARS]
        httpx.get(f"{api_url}/ready", timeout=5).raise_for_status()
    except (OSError, ValueError, httpx.HTTPError) as e:
        raise _fail(ValueError(f"{e} (is the API running? `make up`)")) from e
    measures = asyncio.run(
        run_bench(
            api_url,
            settings.es_url,
            prefix=settings.index_prefix,
            embedder=settings.embedder,
            texts=texts,
            descriptions=ads,
            rounds=rounds,
        )
    )
    table = Table(title=f"{len(texts)} queries x {rounds}, API {api_url} vs raw Elasticsearch")
    headers = ("scenario", "target", "clients", "requests", "p50 ms", "p95 ms", "p99 ms", "req/s")
    for column in (*headers, "errors"):
        table.add_column(column, justify="left" if column in {"scenario", "target"} else "right")
    for m in measures:
        numbers = (f"{m.p50:.1f}", f"{m.p95:.1f}", f"{m.p99:.1f}", f"{m.rps:.0f}")
        table.add_row(
            m.scenario, m.target, str(m.clients), str(m.requests), *numbers, str(m.errors)
        )
    Console(width=160).print(table)


def _bench_offres(settings: Settings, count: int) -> None:
    """Ingestion throughput of generated offers, then territory-facet searches on them."""
    console = Console(width=160)
    es = Elasticsearch(settings.es_url, request_timeout=300)
    try:
        generated, ingested, alias = bench_offres(es, settings, count, console)
        departements = sorted(
            b["key"]
            for b in es.search(
                index=alias,
                size=0,
                aggs={"d": {"terms": {"field": "departement.code", "size": 120}}},
            )["aggregations"]["d"]["buckets"]
        )
    except (*INDEX_ERRORS, OSError) as e:
        raise _fail(e) from e
    finally:
        es.close()
    console.print(
        f"{count:,} offers generated in {generated:.1f}s; resolved and indexed without vectors "
        f"in {ingested:.1f}s: {count / ingested:,.0f} offers/s"
    )
    words = ("vendeur", "infirmier", "conducteur", "développeur", "boulanger", "aide")
    measures = asyncio.run(offer_facet_load(settings.es_url, alias, departements, words))
    table = Table(title=f"Territory-facet searches on {count:,} offers ({alias})")
    for column in ("clients", "requests", "p50 ms", "p95 ms", "p99 ms", "req/s"):
        table.add_column(column, justify="right")
    for m in measures:
        cells = (f"{m.p50:.1f}", f"{m.p95:.1f}", f"{m.p99:.1f}", f"{m.rps:.0f}")
        table.add_row(str(m.clients), str(m.requests), *cells)
    console.print(table)
