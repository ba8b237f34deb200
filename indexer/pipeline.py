"""`metierscope index`: read the export, embed, and reindex each entity behind its alias."""

import itertools
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import numpy as np
from elasticsearch import Elasticsearch
from pydantic import BaseModel
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table
from rich.text import Text

from embeddings import Embedder, load_embedder
from indexer.referential import documents
from indexer.referential.load import Referential, load_referential
from indexer.reindex import (
    Document,
    ReindexResult,
    build_index,
    discard,
    drop_orphans,
    swap_aliases,
)
from indexer.settings import Settings, require_folder
from indexer.suggestions import (
    NO_POPULARITY,
    Popularity,
    load_popularity,
    standing,
    suggestions,
)
from indexer.territoires import load_territoires, territoire_docs, territoire_id
from mappings import ENTITIES, OFFRES, SUGGESTIONS, TERRITOIRES, index_body, suggestions_of
from models.documents import AppellationDoc, CompetenceDoc, ContexteDoc, FicheDoc, SavoirDoc

VECTOR_DECIMALS = 6
# Texts embedded per call: large enough to amortise the call, small enough for steady progress.
EMBED_BATCH = 64
# How long `hold_at` pauses: ample for a harness to SIGKILL; then the run goes on.
HOLD_SECONDS = 300.0

Mark = Callable[[str], None]


def stage_marker(hold_at: str | None) -> Mark:
    """What logs `stage: <name>` to stderr as a run passes each stage (where an operator sees
    a run died), pausing at `hold_at` so that a chaos scenario can kill it exactly there."""

    def mark(name: str) -> None:
        held = name == hold_at
        sys.stderr.write(f"stage: {name}" + (" (holding)\n" if held else "\n"))
        sys.stderr.flush()
        if held:
            time.sleep(HOLD_SECONDS)

    return mark


def first_call(mark: Mark, name: str, then: Callable[[int], None]) -> Callable[[int], None]:
    """A progress callback that marks `name` on the first progress (a bulk chunk acknowledged)."""
    started = False

    def advance(n: int) -> None:
        nonlocal started
        if not started and n:
            started = True
            mark(name)
        then(n)

    return advance


D = TypeVar("D", bound=BaseModel)


@dataclass(frozen=True)
class EntityPlan(Generic[D]):
    """How one entity's documents become documents of one alias."""

    entity: str
    id_of: Callable[[D], str]
    embed_text: Callable[[D], str]
    # Its autocomplete document, given the appellations' popularity (None: not suggested).
    suggestion: Callable[[D, Popularity], dict[str, Any]] | None = None


def source_of(doc: BaseModel) -> dict[str, Any]:
    """The JSON `_source` of a document model (keys typed MISSING left out)."""
    return doc.model_dump(mode="json")


@dataclass(frozen=True)
class EntityReport:
    """Read versus indexed for one entity."""

    entity: str
    read: int
    indexed: int
    embedded: int
    seconds: float
    index: str


def alias_for(prefix: str, entity: str) -> str:
    """Alias the API queries for an entity."""
    return f"{prefix}-{entity}"


class RateColumn(ProgressColumn):
    """Documents per second."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:,.0f}/s" if speed else "", style="progress.data.speed")


def progress_bar(console: Console) -> Progress:
    """Counts, rate and elapsed time for embedding and bulk."""
    return Progress(
        TextColumn("{task.description:<24}"),
        BarColumn(),
        MofNCompleteColumn(),
        RateColumn(),
        TimeElapsedColumn(),
        console=console,
    )


def with_vectors(
    sources: Sequence[D],
    plan: EntityPlan[D],
    embedder: Embedder,
    advance: Callable[[int], None],
) -> Iterator[Document]:
    """The documents with their vectors. Every text is embedded before the first document is
    yielded: embedding while the engine indexes puts both on the same two cores, and the
    embedder's OpenMP threads then wait on each other at every matrix product (the whole
    export took twice as long that way, docs/performance.md)."""
    vectors = []
    for start in range(0, len(sources), EMBED_BATCH):
        batch = sources[start : start + EMBED_BATCH]
        vectors.append(embedder.passages([plan.embed_text(doc) for doc in batch]))
        advance(len(batch))
    for doc, vector in zip(sources, itertools.chain.from_iterable(vectors), strict=True):
        # Six decimals keep cosine exact to ~1e-6 and the bulk JSON ~2.5 times smaller.
        rounded = np.round(vector, VECTOR_DECIMALS).tolist()
        yield Document(id=plan.id_of(doc), source={**source_of(doc), "vector": rounded})


def index_entity(
    es: Elasticsearch,
    plan: EntityPlan[D],
    sources: Sequence[D],
    embedder: Embedder,
    *,
    prefix: str,
    replicas: int,
    progress: Progress,
    popularity: Popularity = NO_POPULARITY,
    mark: Mark = lambda _: None,
) -> list[ReindexResult]:
    """Embed and load one entity into a new index, then its autocomplete index when it has
    one (no alias is moved yet); marks `embed <entity>` once the new index exists and
    `bulk <entity>` after the first chunk. The entity's own index comes first."""
    contract = embedder.contract
    meta = {"entity": plan.entity, "embedding": contract.model_dump(), "documents": len(sources)}
    body = index_body(plan.entity, dims=contract.dims, meta=meta)
    embed_task = progress.add_task(f"embed {plan.entity}", total=len(sources))
    bulk_task = progress.add_task(f"bulk {plan.entity}", total=len(sources))
    docs = with_vectors(sources, plan, embedder, lambda n: progress.advance(embed_task, n))
    built = [
        build_index(
            es,
            alias_for(prefix, plan.entity),
            body,
            _marked(mark, f"embed {plan.entity}", docs),
            replicas=replicas,
            progress=first_call(
                mark, f"bulk {plan.entity}", lambda n: progress.advance(bulk_task, n)
            ),
        )
    ]
    if plan.suggestion is not None:
        try:
            built.append(
                _index_suggestions(
                    es, plan, plan.suggestion, sources, popularity, prefix=prefix, replicas=replicas
                )
            )
        except BaseException:
            discard(es, built)
            raise
    return built


def _index_suggestions(
    es: Elasticsearch,
    plan: EntityPlan[D],
    suggest: Callable[[D, Popularity], dict[str, Any]],
    sources: Sequence[D],
    popularity: Popularity,
    *,
    prefix: str,
    replicas: int,
) -> ReindexResult:
    """The entity's autocomplete index: one small document per record, same ids."""
    entity = suggestions_of(plan.entity)
    meta = {"entity": entity, "documents": len(sources), "popularity": popularity.version}
    docs = (Document(id=plan.id_of(doc), source=suggest(doc, popularity)) for doc in sources)
    body = index_body(SUGGESTIONS, dims=0, meta=meta)
    return build_index(es, alias_for(prefix, entity), body, docs, replicas=replicas)


def _marked(mark: Mark, name: str, docs: Iterator[Document]) -> Iterator[Document]:
    """`docs`, marking `name` when the first is asked for (build_index created the index)."""
    mark(name)
    yield from docs


def drop_leftovers(
    es: Elasticsearch, prefix: str, entities: Sequence[str], console: Console
) -> None:
    """Delete, and say, the indices of these entities that a killed run left behind no alias
    (a SIGKILL skips build_index's own clean-up), before this run adds its own."""
    for entity in entities:
        for name in drop_orphans(es, alias_for(prefix, entity)):
            console.print(f"removed leftover index {name} (left by a run that was killed)")


def summary_table(reports: Sequence[EntityReport]) -> Table:
    """Read versus indexed per entity, with time and index name."""
    table = Table(title="MétierScope index")
    for column in ("entity", "read", "indexed", "embedded (new)", "seconds", "index"):
        table.add_column(column, justify="right" if column != "index" else "left")
    for r in reports:
        mark = "" if r.read == r.indexed else " ≠"
        table.add_row(
            r.entity,
            f"{r.read:,}",
            f"{r.indexed:,}{mark}",
            f"{r.embedded:,}",
            f"{r.seconds:.1f}",
            r.index,
        )
    return table


def _fiche_text(doc: FicheDoc) -> str:
    # The title and the first sentences of the définition: e5-small reads 512 tokens at most,
    # and the opening sentences carry the gist of the métier.
    return f"{doc.libelle}. {doc.definition[:600]}"


def _suggest_appellation(doc: AppellationDoc, popularity: Popularity) -> dict[str, Any]:
    weight = standing(
        "appellations",
        doc.libelle,
        share=popularity.share(doc.code_ogr),
        peu_usite=doc.peu_usite,
    )
    return {
        "libelle": doc.libelle,
        "fiche": doc.fiche.model_dump(mode="json"),
        "suggest": suggestions([doc.libelle, *doc.formes, doc.libelle_court], weight),
    }


def _suggest_label(entity: str) -> Callable[[Any, Popularity], dict[str, Any]]:
    """A fiche's or a compétence's autocomplete document: its label."""
    return lambda doc, _: {
        "libelle": doc.libelle,
        "suggest": suggestions([doc.libelle], standing(entity, doc.libelle)),
    }


PLANS: dict[str, EntityPlan[Any]] = {
    "appellations": EntityPlan[AppellationDoc](
        "appellations", lambda d: d.code_ogr, lambda d: d.libelle, _suggest_appellation
    ),
    "fiches": EntityPlan[FicheDoc](
        "fiches", lambda d: d.code_rome, _fiche_text, _suggest_label("fiches")
    ),
    "competences": EntityPlan[CompetenceDoc](
        "competences", lambda d: d.code_ogr, lambda d: d.libelle, _suggest_label("competences")
    ),
    "savoirs": EntityPlan[SavoirDoc]("savoirs", lambda d: d.code_ogr, lambda d: d.libelle),
    "contextes": EntityPlan[ContexteDoc]("contextes", lambda d: d.code_ogr, lambda d: d.libelle),
}


BUILDERS: dict[str, Callable[[documents.Indexes], Iterator[BaseModel]]] = {
    "appellations": documents.appellation_docs,
    "fiches": documents.fiche_docs,
    "competences": documents.competence_docs,
    "savoirs": documents.savoir_docs,
    "contextes": documents.contexte_docs,
}


class IndexCountError(RuntimeError):
    """An entity has fewer or more documents indexed than records read."""


def read_counts(ref: Referential) -> Table:
    """What was read from the export, per entity."""
    table = Table(title=f"Read from the export ({sum(ref.report.read.values()):,} rows)")
    table.add_column("entity")
    table.add_column("records", justify="right")
    for name, count in ref.counts().items():
        table.add_row(name, f"{count:,}")
    return table


def _check_counts(reports: Sequence[EntityReport]) -> None:
    wrong = [
        f"{r.entity}: read {r.read}, indexed {r.indexed}" for r in reports if r.read != r.indexed
    ]
    if wrong:
        raise IndexCountError(", ".join(wrong))


def run_index(
    es: Elasticsearch, settings: Settings, entities: Sequence[str], console: Console
) -> list[EntityReport]:
    """Read the export, build one new index per entity, then swap every alias at once."""
    unknown = sorted(set(entities) - set(ENTITIES))
    if unknown:
        raise ValueError(f"unknown entity {', '.join(unknown)}; expected {', '.join(ENTITIES)}")
    es.cluster.health()  # fail fast, before minutes of reading and embedding
    drop_leftovers(es, settings.index_prefix, entities, console)
    mark = stage_marker(settings.hold_at)
    mark("read")
    with progress_bar(console) as progress:
        reading = progress.add_task("read export rows", total=None)
        rows = itertools.count(1)

        def tick() -> None:
            if next(rows) % 5000 == 0:  # refresh the bar without paying for it on every row
                progress.advance(reading, 5000)

        ref = load_referential(
            require_folder(settings.rome_dir, "rome_dir"),
            max_error_ratio=settings.max_error_ratio,
            on_row=tick,
        )
        read = sum(ref.report.read.values())
        progress.update(reading, total=read, completed=read)
    console.print(read_counts(ref))
    ix = documents.Indexes(ref)
    embedder = load_embedder(settings.embedder, settings.vector_cache_dir)
    popularity = load_popularity(settings.model_dir)
    built: list[ReindexResult] = []
    reports = []
    try:
        with progress_bar(console) as progress:
            for entity in entities:
                sources = list(BUILDERS[entity](ix))
                misses = getattr(embedder, "misses", 0)
                results = index_entity(
                    es,
                    PLANS[entity],
                    sources,
                    embedder,
                    prefix=settings.index_prefix,
                    replicas=settings.es_replicas,
                    progress=progress,
                    popularity=popularity,
                    mark=mark,
                )
                built += results
                result = results[0]
                embedded = getattr(embedder, "misses", 0) - misses
                reports.append(
                    EntityReport(
                        entity, len(sources), result.indexed, embedded, result.seconds, result.index
                    )
                )
        _check_counts(reports)
    except BaseException:
        discard(es, built)
        raise
    mark("swap")
    swap_aliases(es, built)
    console.print(summary_table(reports))
    return reports


def missing_entities(es: Elasticsearch, prefix: str) -> list[str]:
    """Entities whose alias, or whose autocomplete index's alias, does not exist yet (a
    first run indexes them; so does the first run after an upgrade that added one)."""

    def exists(entity: str) -> bool:
        return bool(es.indices.exists_alias(name=alias_for(prefix, entity)))

    suggested = {e for e, plan in PLANS.items() if plan.suggestion is not None}
    return [
        e
        for e in (*ENTITIES, TERRITOIRES, OFFRES)
        if not exists(e) or (e in suggested and not exists(suggestions_of(e)))
    ]


def run_territoires(es: Elasticsearch, settings: Settings, console: Console) -> EntityReport:
    """Read the territory files and rebuild the territoires index behind its alias."""
    es.cluster.health()
    drop_leftovers(es, settings.index_prefix, [TERRITOIRES], console)
    territoires = load_territoires(require_folder(settings.territoires_dir, "territoires_dir"))
    territoires.report.check(settings.max_error_ratio)
    for problem in territoires.report.errors + territoires.report.dangling:
        console.print(f"[yellow]skipped[/] {problem}")
    sources = list(territoire_docs(territoires))
    body = index_body(TERRITOIRES, dims=0, meta={"entity": TERRITOIRES, "documents": len(sources)})
    with progress_bar(console) as progress:
        task = progress.add_task(f"bulk {TERRITOIRES}", total=len(sources))
        result = build_index(
            es,
            alias_for(settings.index_prefix, TERRITOIRES),
            body,
            (Document(id=territoire_id(d), source=source_of(d)) for d in sources),
            replicas=settings.es_replicas,
            progress=lambda n: progress.advance(task, n),
        )
    report = EntityReport(
        TERRITOIRES, len(sources), result.indexed, 0, result.seconds, result.index
    )
    try:
        _check_counts([report])
    except IndexCountError:
        discard(es, [result])
        raise
    swap_aliases(es, [result])
    console.print(summary_table([report]))
    return report
