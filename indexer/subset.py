"""A small real index: a few fiches métier of the export with their fiches, appellations and
the items they use, built by the indexer's own builders, embedder and bulk loader. For the
chaos scenarios (which run their own engine) and the API tests."""

from collections.abc import Callable
from typing import Any

from elasticsearch import Elasticsearch
from rich.console import Console

from embeddings import load_embedder
from indexer import pipeline
from indexer.referential import documents
from indexer.referential.load import load_referential
from indexer.reindex import swap_aliases
from indexer.settings import Settings
from indexer.suggestions import load_popularity


def index_fiches(
    es: Elasticsearch,
    settings: Settings,
    prefix: str,
    fiches: tuple[str, ...],
    replicas: int = 0,
) -> None:
    """Every entity index of these fiches métier under `prefix`, aliases swapped; `replicas`
    per index once loaded (1 for a scenario that loses a node)."""
    ref = load_referential(settings.rome_dir)
    ix = documents.Indexes(ref)
    keep = {code for code, f in ref.fiches.items() if f.code_rome_parent in fiches}
    used = {link.code_ogr for link in ref.item_links if link.code_rome in keep}
    used |= {m for c in used if c in ref.competences and (m := ref.competences[c].code_ogr_macro)}
    wanted: dict[str, Callable[[Any], bool]] = {
        "appellations": lambda d: d.fiche.code in keep,
        "fiches": lambda d: d.code_rome in keep,
        "competences": lambda d: d.code_ogr in used,
        "savoirs": lambda d: d.code_ogr in used,
        "contextes": lambda d: d.code_ogr in used,
    }
    embedder = load_embedder(settings.embedder, settings.vector_cache_dir)
    popularity = load_popularity(settings.model_dir)
    built = []
    with pipeline.progress_bar(Console(quiet=True)) as progress:
        for entity, keeps in wanted.items():
            sources = [d for d in pipeline.BUILDERS[entity](ix) if keeps(d)]
            plan = pipeline.PLANS[entity]
            built += pipeline.index_entity(
                es,
                plan,
                sources,
                embedder,
                prefix=prefix,
                replicas=replicas,
                progress=progress,
                popularity=popularity,
            )
    swap_aliases(es, built)
