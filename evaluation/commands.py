"""The `metierscope eval` and `bench` commands; what they need is imported when they run, so
the rest of the CLI never loads spaCy, the models or the search API."""

import asyncio
import os
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import httpx
import typer
from elastic_transport import TransportError
from elasticsearch import ApiError, Elasticsearch
from rich.console import Console
from rich.table import Table

from indexer import offres_load
from indexer.referential.csvfile import ExportFileError
from indexer.settings import Settings, require_folder, shared_data

if TYPE_CHECKING:
    from evaluation.bench import Measure, Workload

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
        typer.Option(
            help="Also cross-validate the title ranker and the extraction models, grouped by "
            "source (minutes)."
        ),
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
        for table in _description_tables():
            console.print(table)


def _description_tables() -> list[Table]:
    """Description -> fiche and compétence ranking, cross-validated by source, with the oracle
    baselines of the same run."""
    from evaluation.descriptions.report import (  # noqa: PLC0415 (LightGBM)
        FICHE_METRICS,
        cross_validation,
    )

    fiche_cv, ranking_cv = cross_validation(Settings())
    fiches = Table(
        title="Description -> fiche métier, one fold per held-out source "
        "(served: classifier + the title the text names; classifier alone; with the ad's own "
        "title given as `title`)"
    )
    for column in ("source", "n", *FICHE_METRICS):
        fiches.add_column(column, justify="left" if column == "source" else "right")
    for source, values in fiche_cv.items():
        n = f"{values['n']:.0f}" if "n" in values else ""
        cells = (f"{values[m]:.3f}" if m in values else "" for m in FICHE_METRICS)
        fiches.add_row(source, n, *cells)
    ranking = Table(title="Compétence ranking on the labelled training ads, out of fold")
    metrics = ("R@5", "R@10", "R@20", "P@5")
    for column in ("system", "level", *metrics):
        ranking.add_column(column, justify="left" if column in {"system", "level"} else "right")
    for system, levels in ranking_cv.items():
        for level, values in levels.items():
            ranking.add_row(system, level, *(f"{values[m]:.3f}" for m in metrics))
    return [fiches, ranking]


def _prefix_table(report: dict[str, dict[str, dict[str, float]]]) -> Table:
    """Autocomplete: the meant appellation among the suggestions after 3, 5 and 8 letters."""
    from evaluation.autocomplete import COLUMNS  # noqa: PLC0415

    table = Table(title="Autocomplete on title prefixes (appellation top-1 / top-5)")
    table.add_column("titles")
    table.add_column("order")
    for column in COLUMNS:
        table.add_column(column, justify="right")
    for titles, orders in report.items():
        for order, values in orders.items():
            cells = [
                f"{values[f'{column} top-1']:.3f} / {values[f'{column} top-5']:.3f}"
                for column in COLUMNS
            ]
            table.add_row(titles, order, *cells)
    return table


def bench(  # noqa: PLR0917 (typer declares each option as an argument)
    titles: Annotated[
        Path | None,
        typer.Option(help="Queries: the `query` field of a titles JSONL (default: training)."),
    ] = None,
    descriptions: Annotated[
        Path, typer.Option(help="Texts to extract from: the `text` field of a competences JSONL.")
    ] = DEV / "competences.jsonl",
    zipf: Annotated[
        bool,
        typer.Option(help="Titles drawn Zipf-weighted, repeats and all, as a search box sees."),
    ] = False,
    clients: Annotated[
        list[int] | None, typer.Option(min=1, help="Steps of concurrent clients (repeatable).")
    ] = None,
    seconds: Annotated[float, typer.Option(min=0.1, help="Duration of each step.")] = 3.0,
    scenario: Annotated[
        list[str] | None, typer.Option(help="Only these scenarios (repeatable).")
    ] = None,
    api_url: Annotated[
        str | None, typer.Option(help="API to load (default METIERSCOPE_API_HOST/_PORT).")
    ] = None,
    seed: Annotated[int, typer.Option(help="Order of the titles and of the Zipf draws.")] = 14,
    offres: Annotated[
        int,
        typer.Option(
            min=0, help="Instead: ingest N generated offers and load the territory facets."
        ),
    ] = 0,
) -> None:
    """Latency and capacity of the running API over HTTP at 1, 4, 16 and 32 clients, next to
    raw Elasticsearch and a plain match; refuses to report if any request failed."""
    from evaluation import bench as load  # noqa: PLC0415 (the search API's queries)

    settings = Settings()
    if offres:
        _bench_offres(settings, offres)
        return
    only = tuple(scenario or load.SCENARIOS)
    if unknown := set(only) - set(load.SCENARIOS):
        raise _fail(ValueError(f"unknown scenario {sorted(unknown)}: {load.SCENARIOS}"))
    url = api_url or f"http://{settings.api_host}:{settings.api_port}"
    work, learned = _workload(
        url,
        titles or settings.train_dir / "titles.jsonl",
        descriptions,
        zipf=zipf,
        seed=seed,
        embedder=settings.embedder,
    )
    steps = tuple(clients or load.STEPS)
    load_before = os.getloadavg()[0]
    measures = asyncio.run(
        load.run_bench(
            url,
            settings.es_url,
            work,
            prefix=settings.index_prefix,
            learned=learned,
            steps=steps,
            seconds=seconds,
            only=only,
        )
    )
    if failed := load.failures(measures):
        first = failed[0]
        raise _fail(
            RuntimeError(
                f"refusing to report: {sum(m.errors for m in failed)} requests failed in "
                f"{len(failed)} steps; first, {first.scenario} {first.target} at {first.clients} "
                f"clients: {first.error}"
            )
        )
    kind = "Zipf-weighted" if zipf else "distinct"
    title = (
        f"{len(set(work.texts)):,} {kind} titles, {seconds:g}s per step, API {url} vs raw ES; "
        f"load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after (other work on "
        f"the machine skews every figure)"
    )
    console = Console(width=160)
    console.print(_bench_table(title, measures))
    for line in load.summary(measures):
        console.print(line)


def _workload(
    api_url: str, titles: Path, descriptions: Path, *, zipf: bool, seed: int, embedder: str
) -> tuple["Workload", bool]:
    """The queries, prefixes and descriptions to send, and whether the API's ranker is loaded."""
    from evaluation import bench as load  # noqa: PLC0415
    from evaluation.bench_queries import ZIPF_DRAWS, distinct_titles, typed_prefixes, zipf_stream  # noqa: PLC0415
    from evaluation.extraction import read_ads  # noqa: PLC0415
    from evaluation.relevance import read_labelled  # noqa: PLC0415

    try:
        ready = httpx.get(f"{api_url}/ready", timeout=10)
        ready.raise_for_status()
    except httpx.HTTPError as e:
        raise _fail(ValueError(f"{e} (is the API running? `make up`)")) from e
    try:
        written = [q.query for q in read_labelled(titles)]
        ads = [ad.text for ad in read_ads(descriptions) if len(ad.text) >= load.EXTRACT_CHARS]
    except (OSError, ValueError) as e:
        raise _fail(e) from e
    texts = zipf_stream(written, ZIPF_DRAWS, seed) if zipf else distinct_titles(written, seed)
    learned = ready.json().get("models", {}).get("titles", {}).get("status") == "loaded"
    vectors = load.query_vectors(embedder, texts[: load.VECTOR_POOL])
    prefixes = typed_prefixes(texts, distinct=not zipf)
    return load.Workload(texts, prefixes, ads, vectors), learned


def _bench_table(title: str, measures: Sequence["Measure"]) -> Table:
    table = Table(title=title)
    headers = ("scenario", "target", "clients", "requests", "p50 ms", "p95 ms", "p99 ms", "req/s")
    for column in headers:
        table.add_column(column, justify="left" if column in {"scenario", "target"} else "right")
    for m in measures:
        numbers = (f"{m.p50:.1f}", f"{m.p95:.1f}", f"{m.p99:.1f}", f"{m.rps:.0f}")
        table.add_row(m.scenario, m.target, str(m.clients), str(m.requests), *numbers)
    return table


def _bench_offres(settings: Settings, count: int) -> None:
    """Ingestion throughput of generated offers, then territory-facet searches on them."""
    console = Console(width=160)
    es = Elasticsearch(settings.es_urls, request_timeout=300)
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
    """Build the learned artefacts from the training ads (deterministic), into the model folder:
    the title ranker, the description -> fiche classifier and the compétence ranker."""
    from evaluation.descriptions.train import train as train_descriptions  # noqa: PLC0415
    from evaluation.titles.train import train as train_titles  # noqa: PLC0415 (LightGBM)

    settings = Settings()
    started = time.monotonic()
    try:
        require_folder(settings.rome_dir, "rome_dir")
        require_folder(settings.train_dir, "train_dir")
        path = train_titles(settings)
        size = path.stat().st_size / 1e6
        typer.echo(f"title ranker: {path} ({size:.1f} MB) in {time.monotonic() - started:.0f}s")
        started = time.monotonic()
        manifest = train_descriptions(settings)
    except (OSError, ValueError, ExportFileError) as e:
        raise _fail(e) from e
    sizes = ", ".join(f"{name} {n / 1e6:.1f} MB" for name, n in manifest["bytes"].items())
    typer.echo(f"extraction models: {sizes} in {time.monotonic() - started:.0f}s")
