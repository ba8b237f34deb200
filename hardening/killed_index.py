"""Killed indexing (issue 17, item 3): on an engine of its own, `metierscope index` is
SIGKILLed at each stage and run again, then an offers load is killed midway and reloaded; the
report says whether the aliases kept serving full indices and nothing was lost or doubled."""

import json
import tempfile
import uuid
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from elasticsearch import Elasticsearch
from elasticsearch.helpers import scan
from rich.console import Console

from hardening.killed_index_process import run_metierscope
from hardening.killed_index_report import (
    KilledIndexReport,
    KillOutcome,
    OffersOutcome,
    Run,
    Snapshot,
    kill_points,
)
from hardening.outage import drop_indices
from indexer.engine import embedded_cluster
from indexer.pipeline import alias_for
from indexer.reindex import BULK_CHUNK, alias_targets
from indexer.settings import MissingDataError, Settings
from mappings import OFFRES

KILLED_HTTP_PORT = 9250  # its own engine: the shared one (9200) is never touched
PREFIX = "killed"  # every scenario index is `killed-<run>-...`; a crashed run's are dropped


@dataclass(frozen=True)
class Plan:
    """What the scenario indexes: these entities, killed at these stages (None: every one of
    kill_points), and `offers` offers of the sample file (0: none), embedded or not."""

    entities: tuple[str, ...] = ("contextes", "fiches")
    points: tuple[str, ...] | None = None
    offers: int = 3000
    vectors: bool = True


def snapshot(es: Elasticsearch, prefix: str, entities: tuple[str, ...]) -> Snapshot:
    """The aliases of these entities, their counts and build sizes, and the prefix's indices
    behind no alias."""
    targets = {alias_for(prefix, e): alias_targets(es, alias_for(prefix, e)) for e in entities}
    counts, built_with = {}, {}
    for alias, indices in targets.items():
        if indices:
            counts[alias] = int(es.count(index=alias)["count"])
            meta = es.indices.get_mapping(index=alias).body[indices[0]]["mappings"]["_meta"]
            built_with[alias] = int(meta["documents"])
    every = es.indices.get_alias(index=f"{prefix}-*", allow_no_indices=True).body
    leftovers = sorted(name for name, body in every.items() if not body.get("aliases"))
    return Snapshot(targets, counts, built_with, leftovers)


def kill_and_rerun(
    es: Elasticsearch, env: dict[str, str], plan: Plan, console: Console
) -> list[KillOutcome]:
    """A first complete run, then for each stage: a run killed there, and a plain run."""
    prefix = env["METIERSCOPE_INDEX_PREFIX"]
    args = ["index", *(f"--only={e}" for e in plan.entities)]
    first = run_metierscope(args, env)
    if not first.succeeded:
        raise RuntimeError(f"the first, complete run failed:\n{first.tail}")
    outcomes = []
    before = snapshot(es, prefix, plan.entities)
    for point in plan.points or kill_points(plan.entities):
        kill = run_metierscope(args, env, hold_at=point)
        after = snapshot(es, prefix, plan.entities)
        rerun = run_metierscope(args, env)
        cleaned = snapshot(es, prefix, plan.entities)
        outcomes.append(KillOutcome(point, kill, before, after, rerun, cleaned))
        console.print(f"killed at {point!r}: {len(after.leftovers)} leftover(s); rerun done")
        before = cleaned
    return outcomes


def served_ids(es: Elasticsearch, alias: str) -> Counter[str]:
    """How many times the alias serves each document id (after a refresh)."""
    es.indices.refresh(index=alias)
    return Counter(hit["_id"] for hit in scan(es, index=alias, _source=False))


def _write(path: Path, lines: list[str]) -> Path:
    path.write_text("".join(lines), encoding="utf-8")
    return path


def kill_offers(
    es: Elasticsearch, env: dict[str, str], sample: Path, count: int, vectors: bool
) -> OffersOutcome:
    """Load the last third of `count` offers; then load all `count`, the new ones first,
    killed after its first bulk chunk; then load them all again."""
    if count <= BULK_CHUNK * 3 // 2:
        raise ValueError(f"offers: {count} is too few to be killed midway (> {BULK_CHUNK * 1.5})")
    lines = sample.read_text(encoding="utf-8").splitlines(keepends=True)[:count]
    expected = len({json.loads(line)["id"] for line in lines})
    alias = alias_for(env["METIERSCOPE_INDEX_PREFIX"], OFFRES)

    def load(path: Path, hold_at: str | None) -> Run:
        embed = "--vectors" if vectors else "--no-vectors"
        return run_metierscope(["index", "offres", f"--file={path}", embed], env, hold_at)

    with tempfile.TemporaryDirectory(prefix="killed-offers-") as folder:
        earlier = _write(Path(folder) / "earlier.jsonl", lines[-(len(lines) // 3) :])
        every = _write(Path(folder) / "all.jsonl", lines)
        if not load(earlier, None).succeeded:
            raise RuntimeError("the first offers load failed")
        before = served_ids(es, alias)
        kill = load(every, f"bulk {OFFRES}")
        after_kill = served_ids(es, alias)
        reload = load(every, None)
        final = served_ids(es, alias)
    return OffersOutcome(
        before=sum(before.values()),
        kill=kill,
        after_kill=sum(after_kill.values()),
        lost=len(set(before) - set(after_kill)),
        reload=reload,
        after_reload=sum(final.values()),
        expected=expected,
        duplicates=sum(1 for n in final.values() if n > 1),
    )


def run_killed_index(
    settings: Settings, plan: Plan, http_port: int, console: Console
) -> KilledIndexReport:
    """The whole scenario on an engine of its own at `http_port`, stopped afterwards."""
    if http_port == settings.es_http_port:
        raise ValueError(f"the scenario needs its own engine: use a port other than {http_port}")
    sample = settings.offres_sample
    if plan.offers and (sample is None or not sample.is_file()):
        raise MissingDataError(f"no offers sample at {sample}: set METIERSCOPE_OFFRES_SAMPLE")
    engine = embedded_cluster(settings, nodes=1, http_port=http_port)
    engine.start()
    prefix = f"{PREFIX}-{uuid.uuid4().hex[:8]}"
    env = {
        "METIERSCOPE_ES_URL": engine.url,
        "METIERSCOPE_ENGINE": "external",
        "METIERSCOPE_INDEX_PREFIX": prefix,
    }
    es = Elasticsearch(engine.url, request_timeout=120)
    try:
        drop_indices(es, PREFIX)  # what an interrupted scenario left
        console.print(f"engine at {engine.url}; indexing {', '.join(plan.entities)} as {prefix}")
        kills = kill_and_rerun(es, env, plan, console)
        offers = None
        if plan.offers and sample is not None:
            console.print(f"offers: {plan.offers} from {sample}, killed after the first chunk")
            offers = kill_offers(es, env, sample, plan.offers, plan.vectors)
        return KilledIndexReport(kills, offers)
    finally:
        if engine.running():
            drop_indices(es, prefix)
        es.close()
        engine.stop()
