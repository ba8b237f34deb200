"""A sample of real offers for a machine without live ones: loaded when the offers index is
empty (`run`, `up`) or on demand, and recorded in the index `_meta` so that the API can say its
figures come from a sample, dated as of the sample's newest offer rather than today."""

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from elasticsearch import Elasticsearch
from rich.console import Console

from indexer.offres import OffersReport
from indexer.offres_load import ensure_offres_index, ingest_offres
from indexer.pipeline import alias_for
from indexer.settings import Settings
from mappings import OFFRES

PROVENANCE = "provenance"  # key of the offers index `_meta` that the API reads
SAMPLE = "sample"


def load_sample(
    es: Elasticsearch, settings: Settings, path: Path, console: Console, *, vectors: bool = True
) -> OffersReport:
    """Load a file of real offers by id, as any file, and mark the offers index as a sample."""
    report = ingest_offres(es, settings, path, console, vectors=vectors)
    marked = mark_sample(es, alias_for(settings.index_prefix, OFFRES), path)
    console.print(
        f"offers index marked as a sample: {marked['offres']:,} offer(s), "
        f"the newest created {marked['newest']}"
    )
    return report


def mark_sample(es: Elasticsearch, alias: str, path: Path) -> dict[str, Any]:
    """Record in the `_meta` of the offers index that it holds a sample: the file, how many
    offers the index holds and the newest one's creation date (the market's reference date)."""
    found = es.search(index=alias, size=0, aggs={"newest": {"max": {"field": "date_creation"}}})
    newest = found["aggregations"]["newest"]
    provenance = {
        "source": SAMPLE,
        "file": str(path.resolve()),
        "offres": int(es.count(index=alias)["count"]),
        "newest": newest.get("value_as_string"),
        "loaded": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    for index, body in es.indices.get_mapping(index=alias).body.items():
        meta = body["mappings"].get("_meta", {})
        es.indices.put_mapping(index=index, meta={**meta, PROVENANCE: provenance})
    return provenance


def ensure_offres(es: Elasticsearch, settings: Settings, console: Console) -> OffersReport | None:
    """The offers index, created if missing; loaded with the sample (`offres_sample`) when it
    holds no offer and the sample file is there. The sample's report, if it was loaded."""
    alias = ensure_offres_index(es, settings)
    path = settings.offres_sample
    if path is None or es.count(index=alias)["count"]:
        return None
    if not path.is_file():
        console.print(f"no offers sample at {path}: the market figures stay empty")
        return None
    console.print(f"the offers index is empty: loading the sample of real offers {path}")
    return load_sample(es, settings, path, console)
