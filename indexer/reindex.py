"""Zero-downtime reindex: new physical index, streamed bulk, count check, one atomic alias swap.

A failure at any step deletes the new index and leaves the alias on the previous complete one.
"""

import re
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from elasticsearch import Elasticsearch, NotFoundError
from elasticsearch.helpers import streaming_bulk

# Bulk requests of this many documents (~1-2 MB with 384-dim vectors) keep 2 cores busy without
# memory spikes; 429s are retried with exponential backoff starting at 2 s.
BULK_CHUNK = 500
BULK_RETRIES = 6
BULK_BACKOFF_SECONDS = 2.0


class ReindexError(RuntimeError):
    """A reindex failed; the alias still points at the previous index."""


class BulkRejectedError(ReindexError):
    """Documents were refused by Elasticsearch (mapping or data errors), sorted by type."""

    def __init__(self, index: str, failures: dict[str, list[str]]) -> None:
        lines = [
            f"{kind}: {len(ids)} document(s), e.g. {', '.join(ids[:3])}"
            for kind, ids in failures.items()
        ]
        super().__init__(f"bulk into {index} rejected documents:\n  " + "\n  ".join(lines))
        self.failures = failures


class CountMismatchError(ReindexError):
    """The new index does not hold the number of documents that were sent."""


@dataclass(frozen=True)
class Document:
    """One document to index with its stable id."""

    id: str
    source: dict[str, Any]


@dataclass
class ReindexResult:
    """What one reindex did."""

    alias: str
    index: str
    indexed: int
    previous: list[str] = field(default_factory=list)
    seconds: float = 0.0


def physical_name(alias: str, stamp: str) -> str:
    """Name of a new physical index behind the alias."""
    return f"{alias}-{stamp}"


# What new_stamp() produces: a name `<alias>-<stamp>` is one of the alias's physical indices.
STAMP = re.compile(r"\d{8}-\d{6}-\d{3}")


def is_physical_of(alias: str, name: str) -> bool:
    """Whether `name` is a physical index built for `alias`. A bare `<alias>-*` would also
    match the indices of a longer prefix (alias `ms-fiches`, prefix `ms-fiches`)."""
    return name.startswith(alias + "-") and STAMP.fullmatch(name[len(alias) + 1 :]) is not None


def new_stamp() -> str:
    """Sortable, unique-enough run stamp (UTC, to the millisecond)."""
    now = time.time()
    return time.strftime("%Y%m%d-%H%M%S", time.gmtime(now)) + f"-{int(now * 1000) % 1000:03d}"


def alias_targets(es: Elasticsearch, alias: str) -> list[str]:
    """Physical indices the alias points at now."""
    try:
        return sorted(es.indices.get_alias(name=alias).body)
    except NotFoundError:
        return []


def orphans_of(alias: str, existing: Iterable[str], live: Iterable[str]) -> list[str]:
    """The physical indices of `alias` among `existing` that it does not point at (pure)."""
    serving = set(live)
    return sorted(n for n in existing if is_physical_of(alias, n) and n not in serving)


def drop_orphans(es: Elasticsearch, alias: str) -> list[str]:
    """Delete physical indices of this alias left by a run that died before its swap (a
    SIGKILL skips build_index's own clean-up); never one the alias points at, never one of
    another alias or prefix. Assumes one indexer per prefix at a time."""
    existing = es.indices.get(index=f"{alias}-*", expand_wildcards="all", allow_no_indices=True)
    orphans = orphans_of(alias, existing.body, alias_targets(es, alias))
    for name in orphans:
        es.indices.delete(index=name)
    return orphans


def _actions(index: str, docs: Iterable[Document]) -> Iterator[dict[str, Any]]:
    for doc in docs:
        yield {"_op_type": "index", "_index": index, "_id": doc.id, "_source": doc.source}


def bulk_documents(
    es: Elasticsearch, index: str, docs: Iterable[Document], progress: Callable[[int], None]
) -> int:
    """Index documents by id (a second load replaces, never duplicates); bulk requests
    rejected with 429 are retried with back-off; any failed document raises."""
    sent = 0
    failures: dict[str, list[str]] = {}
    for ok, item in streaming_bulk(
        es,
        _actions(index, docs),
        chunk_size=BULK_CHUNK,
        max_retries=BULK_RETRIES,
        initial_backoff=BULK_BACKOFF_SECONDS,
        raise_on_error=False,
        raise_on_exception=True,
    ):
        sent += 1
        if not ok:
            result = item.get("index", {})
            kind = str(result.get("error", {}).get("type", "unknown_error"))
            failures.setdefault(kind, []).append(str(result.get("_id")))
        if sent % BULK_CHUNK == 0:
            progress(BULK_CHUNK)
    progress(sent % BULK_CHUNK)
    if failures:
        raise BulkRejectedError(index, failures)
    return sent


def _verify_count(es: Elasticsearch, index: str, sent: int) -> None:
    count = int(es.count(index=index)["count"])
    if count != sent:
        raise CountMismatchError(f"{index} holds {count} documents, {sent} were sent")


def build_index(
    es: Elasticsearch,
    alias: str,
    body: dict[str, Any],
    docs: Iterable[Document],
    *,
    replicas: int = 0,
    progress: Callable[[int], None] = lambda _: None,
) -> ReindexResult:
    """Load a complete new physical index for `alias`; deleted again if anything fails."""
    started = time.monotonic()
    drop_orphans(es, alias)
    index = physical_name(alias, new_stamp())
    settings = {
        **body.get("settings", {}),
        # Loading settings: no replica to copy to and no refresh until the load is done.
        "number_of_replicas": 0,
        "refresh_interval": "-1",
    }
    es.indices.create(index=index, settings=settings, mappings=body["mappings"])
    try:
        sent = bulk_documents(es, index, docs, progress)
        refresh = body.get("settings", {}).get("refresh_interval", "1s")
        es.indices.put_settings(
            index=index, settings={"number_of_replicas": replicas, "refresh_interval": refresh}
        )
        es.indices.refresh(index=index)
        _verify_count(es, index, sent)
    except BaseException:
        es.indices.delete(index=index, ignore_unavailable=True)
        raise
    return ReindexResult(alias=alias, index=index, indexed=sent, seconds=time.monotonic() - started)


def discard(es: Elasticsearch, built: Iterable[ReindexResult]) -> None:
    """Delete indices that were built but will not be swapped in."""
    for result in built:
        es.indices.delete(index=result.index, ignore_unavailable=True)


def swap_aliases(es: Elasticsearch, built: list[ReindexResult]) -> None:
    """Move every alias onto its new index in ONE atomic request, then drop the old indices."""
    actions: list[dict[str, Any]] = []
    for result in built:
        result.previous = alias_targets(es, result.alias)
        actions += [{"remove": {"index": old, "alias": result.alias}} for old in result.previous]
        actions.append({"add": {"index": result.index, "alias": result.alias}})
    try:
        es.indices.update_aliases(actions=actions)
    except BaseException:
        discard(es, built)
        raise
    for result in built:
        for old in result.previous:
            es.indices.delete(index=old, ignore_unavailable=True)


def reindex(
    es: Elasticsearch,
    alias: str,
    body: dict[str, Any],
    docs: Iterable[Document],
    *,
    replicas: int = 0,
    progress: Callable[[int], None] = lambda _: None,
) -> ReindexResult:
    """Build a complete new index for `alias` from `docs`, then swap the alias onto it."""
    result = build_index(es, alias, body, docs, replicas=replicas, progress=progress)
    swap_aliases(es, [result])
    return result
