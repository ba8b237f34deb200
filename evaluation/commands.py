"""The `metierscope eval` and `bench` commands; what they need is imported when they run, so
the rest of the CLI never loads spaCy, the models or the search API."""

import asyncio
import time
from pathlib import Path
from typing import Annotated

import httpx
import typer
from elastic_transport import TransportError
from elasticsearch import ApiError, Elasticsearch
from rich.console import Console
from rich.table import Table

from indexer import offres_load
from indexer.referential.csvfile import ExportFileError
from indexer.settings import Settings, require_folder, shared_data

DEV = shared_data("eval-dev")


def _fail(error: Exception) -> typer.Exit:
    typer.secho(f"error: {error}", fg=typer.colors.RED, err=True)
    return typer.Exit(code=1)


def evaluate(
    titles: Annotated[Path, typer.Option(help="Labelled titles (JSONL, eval-dev format).")] = DEV
    / "titles.jsonl",
    competences: Annotated[
        Path, typer.Option(help="Ads with labelled compétences (JSONL, eval-dev format).")
    ] = DEV / "competences.jsonl",
    cv: Annotated[
        bool,
        typer.Option(help="Also cross-validate the title ranker, grouped by source (minutes)."),
    ] = True,
) -> None:
    """Relevance on the dev set (every mode, the learned ranker, a BM25 baseline), autocomplete
    on title prefixes, compétence extraction, and the source-grouped cross-validation."""
    from evaluation.autocomplete import run_prefix_evaluation  # noqa: PLC0415
    from evaluation.extraction import run_profile_evaluation  # noqa: PLC0415 (spaCy, models)
    from evaluation.relevance import run_evaluation  # noqa: PLC0415
    from search_api.settings import ApiSettings  # noqa: PLC0415

    settings = ApiSettings()
    try:
        report = run_evaluation(settings, titles)
        prefixes = run_prefix_evaluation(settings, titles, Settings().train_dir / "titles.jsonl")
        profiles = run_profile_evaluation(settings, competences)
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
    console.print(_prefix_table(prefixes))
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
    if cv:
        from evaluation.titles.cv import table as cv_table  # noqa: PLC0415 (LightGBM)
        from evaluation.titles.train import evaluate as cross_validate  # noqa: PLC0415

        console.print("Title ranking, cross-validation grouped by source (and dev):")
        console.print(cv_table(cross_validate(Settings())))


def _prefix_table(report: dict[str, dict[str, dict[str, float]]]) -> Table:
    """Autocomplete: the meant appellation among the suggestions after 3, 5 and 8 letters."""
    table = Table(title="Autocomplete on title prefixes (appellation top-1 / top-5)")
    table.add_column("titles")
    table.add_column("order")
    for n in (3, 5, 8):
        table.add_column(f"{n} letters", justify="right")
    for titles, orders in report.items():
        for order, values in orders.items():
            cells = [
                f"{values[f'{n} letters top-1']:.3f} / {values[f'{n} letters top-5']:.3f}"
                for n in (3, 5, 8)
            ]
            table.add_row(titles, order, *cells)
    return table


def bench(
    titles: Annotated[
        Path, typer.Option(help="Queries: the `query` field of a titles JSONL file.")
    ] = DEV / "titles.jsonl",
    descriptions: Annotated[
        Path, typer.Option(help="Texts to extract from: the `text` field of a competences JSONL.")
    ] = DEV / "competences.jsonl",
    rounds: Annotated[int, typer.Option(min=1, help="Times each query is sent.")] = 1,
    offres: Annotated[
        int,
        typer.Option(
            min=0, help="Instead: ingest N generated offers and load the territory facets."
        ),
    ] = 0,
) -> None:
    """Measure API latency/throughput over HTTP at 1 and 16 clients, next to raw Elasticsearch."""
    from evaluation.bench import EXTRACT_CHARS, run_bench  # noqa: PLC0415
    from evaluation.extraction import read_ads  # noqa: PLC0415
    from evaluation.relevance import read_labelled  # noqa: PLC0415

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
        generated, ingested, alias = offres_load.bench_offres(es, settings, count, console)
        from search_api.offres.queries import departements_body  # noqa: PLC0415

        answer = es.search(index=alias, **departements_body())
        departements = sorted(b["key"] for b in answer["aggregations"]["departements"]["buckets"])
    except (TransportError, ApiError, ValueError, OSError) as e:
        raise _fail(e) from e
    finally:
        es.close()
    console.print(
        f"{count:,} offers generated in {generated:.1f}s; resolved and indexed without vectors "
        f"in {ingested:.1f}s: {count / ingested:,.0f} offers/s"
    )
    from evaluation.bench import offer_facet_load  # noqa: PLC0415 (the search API's queries)

    words = ("vendeur", "infirmier", "conducteur", "développeur", "boulanger", "aide")
    measures = asyncio.run(offer_facet_load(settings.es_url, alias, departements, words))
    table = Table(title=f"Territory-facet searches on {count:,} offers ({alias})")
    for column in ("clients", "requests", "p50 ms", "p95 ms", "p99 ms", "req/s"):
        table.add_column(column, justify="right")
    for m in measures:
        cells = (f"{m.p50:.1f}", f"{m.p95:.1f}", f"{m.p99:.1f}", f"{m.rps:.0f}")
        table.add_row(str(m.clients), str(m.requests), *cells)
    console.print(table)


def train() -> None:
    """Build the learned artefacts from the training ads (deterministic), into the model folder."""
    from evaluation.titles.train import train as train_titles  # noqa: PLC0415 (LightGBM)

    settings = Settings()
    started = time.monotonic()
    try:
        require_folder(settings.rome_dir, "rome_dir")
        require_folder(settings.train_dir, "train_dir")
        path = train_titles(settings)
    except (OSError, ValueError, ExportFileError) as e:
        raise _fail(e) from e
    size = path.stat().st_size / 1e6
    typer.echo(f"title ranker: {path} ({size:.1f} MB) in {time.monotonic() - started:.0f}s")
