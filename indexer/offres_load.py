"""Job offers in their lasting index: created once, loaded by id from a file or the live API,
expired by date; the benchmark's generated offers go to an index of their own."""

import json
import time
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
from elasticsearch import Elasticsearch
from elasticsearch.helpers import bulk, scan
from rich.console import Console

from embeddings import Embedder, load_embedder
from indexer.francetravail import ApiConfig, OffresApi
from indexer.offres import OfferResolver, OffersReport, read_offers, validated
from indexer.offres import documents as offer_documents
from indexer.pipeline import (
    EMBED_BATCH,
    D,
    EntityPlan,
    alias_for,
    first_call,
    progress_bar,
    source_of,
    stage_marker,
    with_vectors,
)
from indexer.referential.load import load_referential
from indexer.reindex import Document, bulk_documents, new_stamp, physical_name
from indexer.settings import Settings, require_folder
from indexer.synthetic import synthetic_offers
from indexer.territoires import load_territoires
from mappings import OFFRES, index_body
from models.offres import OffreDoc


def ensure_offres_index(
    es: Elasticsearch, settings: Settings, embedder: Embedder | None = None
) -> str:
    """The alias of the lasting offers index, created empty with its first index if missing
    (the API searches it from the start); the embedder is loaded only to create it."""
    alias = alias_for(settings.index_prefix, OFFRES)
    if es.indices.exists_alias(name=alias):
        return alias
    contract = (embedder or load_embedder(settings.embedder, settings.vector_cache_dir)).contract
    body = index_body(
        OFFRES, dims=contract.dims, meta={"entity": OFFRES, "embedding": contract.model_dump()}
    )
    es.indices.create(
        index=physical_name(alias, new_stamp()), **body, aliases={alias: {"is_write_index": True}}
    )
    return alias


def ingest_offres(
    es: Elasticsearch, settings: Settings, path: Path, console: Console, *, vectors: bool = True
) -> OffersReport:
    """Load a file of offers into the offers index, by id: loading it twice changes nothing."""
    report = OffersReport()
    return ingest_offers(
        es, settings, read_offers(path, report), console, vectors=vectors, report=report
    )


def ingest_offers(
    es: Elasticsearch,
    settings: Settings,
    offers: Iterable[tuple[int, dict[str, Any]]],
    console: Console,
    *,
    vectors: bool = True,
    source: str = "file",
    report: OffersReport | None = None,
) -> OffersReport:
    """Resolve offers (with their line or position) and index them by id."""
    es.cluster.health()
    territoires = load_territoires(require_folder(settings.territoires_dir, "territoires_dir"))
    ref = load_referential(
        require_folder(settings.rome_dir, "rome_dir"), max_error_ratio=settings.max_error_ratio
    )
    resolver = OfferResolver(territoires, ref)
    report = report if report is not None else OffersReport()
    if source == "api":
        offers = validated(offers, source, report)
    embedder = load_embedder(settings.embedder, settings.vector_cache_dir)
    alias = ensure_offres_index(es, settings, embedder)
    sources = offer_documents(offers, resolver, report)
    plan = EntityPlan[OffreDoc](OFFRES, lambda d: d.id, lambda d: d.intitule)
    with progress_bar(console) as progress:
        task = progress.add_task(f"bulk {OFFRES}", total=None)
        docs: Iterable[Document]
        if vectors:
            docs = _with_vectors_stream(sources, plan, embedder)
        else:
            docs = (Document(id=d.id, source=source_of(d)) for d in sources)
        # `bulk offres` once a first chunk is in: a run killed after it must lose no offer.
        mark = stage_marker(settings.hold_at)
        advance = first_call(mark, f"bulk {OFFRES}", lambda n: progress.advance(task, n))
        bulk_documents(es, alias, docs, advance)
    es.indices.refresh(index=alias)
    return report


def _with_vectors_stream(
    sources: Iterable[D], plan: EntityPlan[D], embedder: Embedder
) -> Iterator[Document]:
    batch: list[D] = []
    for doc in sources:
        batch.append(doc)
        if len(batch) == EMBED_BATCH:
            yield from with_vectors(batch, plan, embedder, lambda _: None)
            batch = []
    yield from with_vectors(batch, plan, embedder, lambda _: None)


def expire_offres(es: Elasticsearch, settings: Settings, before: datetime) -> int:
    """Delete offers last updated (or, failing that, created) before a date; how many."""
    alias = alias_for(settings.index_prefix, OFFRES)
    stamp = before.isoformat()
    older = {
        "bool": {
            "should": [
                {"range": {"date_actualisation": {"lt": stamp}}},
                {
                    "bool": {
                        "must_not": [{"exists": {"field": "date_actualisation"}}],
                        "filter": [{"range": {"date_creation": {"lt": stamp}}}],
                    }
                },
            ],
            "minimum_should_match": 1,
        }
    }
    # delete_by_query lives in the reindex module, which the embedded distribution lacks:
    # scroll the ids and delete them in bulk instead.
    hits = scan(es, index=alias, query={"query": older}, _source=False)
    actions = ({"_op_type": "delete", "_index": h["_index"], "_id": h["_id"]} for h in hits)
    deleted, _ = bulk(es, actions, raise_on_error=True)
    es.indices.refresh(index=alias)
    return int(deleted)


SYNC_STATE = "offres-sync.json"  # in the state folder: where the last live run stopped


def fetch_offres(
    es: Elasticsearch, settings: Settings, console: Console, *, vectors: bool = True
) -> OffersReport:
    """Load the offers created since the last live run (first run: `ft_first_days` back)
    from the France Travail API; the next run starts where this one ended."""
    if not settings.ft_client_id or settings.ft_client_secret is None:
        raise ValueError("set METIERSCOPE_FT_CLIENT_ID and METIERSCOPE_FT_CLIENT_SECRET")
    state = settings.state_dir / SYNC_STATE
    until = datetime.now(UTC).replace(microsecond=0)
    since = until - timedelta(days=settings.ft_first_days)
    if state.is_file():
        since = datetime.fromisoformat(json.loads(state.read_text())["until"])
    config = ApiConfig(
        token_url=settings.ft_token_url,
        search_url=settings.ft_search_url,
        client_id=settings.ft_client_id,
        client_secret=settings.ft_client_secret.get_secret_value(),
    )
    with httpx.Client(timeout=30) as client:
        api = OffresApi(config, client)
        offers = ((number, o) for number, o in enumerate(api.window(since, until), start=1))
        report = ingest_offers(es, settings, offers, console, vectors=vectors, source="api")
    settings.state_dir.mkdir(parents=True, exist_ok=True)
    state.write_text(json.dumps({"since": since.isoformat(), "until": until.isoformat()}))
    console.print(f"{api.requests} API request(s), {api.retries} retried")
    return report


def bench_offres(
    es: Elasticsearch, settings: Settings, count: int, console: Console
) -> tuple[float, float, str]:
    """Generate `count` offers, ingest them without vectors into a bench index; seconds spent
    generating, seconds ingesting (resolution, bulk, refresh) and the bench alias."""
    bench = settings.model_copy(update={"index_prefix": f"{settings.index_prefix}-bench"})
    alias = alias_for(bench.index_prefix, OFFRES)
    for name in es.indices.get(index=f"{alias}-*").body:
        es.indices.delete(index=name)
    ref = load_referential(
        require_folder(settings.rome_dir, "rome_dir"), max_error_ratio=settings.max_error_ratio
    )
    territoires = load_territoires(require_folder(settings.territoires_dir, "territoires_dir"))
    started = time.monotonic()
    offers = list(enumerate(synthetic_offers(ref, territoires, count), start=1))
    generated = time.monotonic() - started
    started = time.monotonic()
    ingest_offers(es, bench, offers, console, vectors=False, source="bench")
    return generated, time.monotonic() - started, alias
