"""`train()` fits the final title ranker on every training title; `evaluate()` cross-validates."""

import logging
import time
from dataclasses import asdict
from pathlib import Path

from evaluation.titles.cv import Row, cross_validate
from evaluation.titles.data import (
    TITLES_FILE,
    export_files,
    fingerprint,
    load_catalog,
    load_examples,
    load_places,
)
from evaluation.titles.model import Params, fit_ranker
from indexer.settings import Settings
from ranking.titles import ARTEFACT_FILE

log = logging.getLogger(__name__)
MODEL_VERSION = "titles-2"  # bumped when features, candidates or the learner change
DEV_SET = "eval-dev"


def train(settings: Settings | None = None, params: Params | None = None) -> Path:
    """Fit on all training titles + the referential; write model_dir/titles.joblib."""
    settings = settings or Settings()
    params = params or Params()
    started = time.monotonic()
    titles = settings.train_dir / TITLES_FILE
    catalog = load_catalog(settings.rome_dir)
    examples = load_examples(titles)
    digest = fingerprint([titles, *export_files(settings.rome_dir)])
    meta = {
        "version": f"{MODEL_VERSION}+{digest[:12]}",
        "fingerprint": digest,
        "params": asdict(params),
        "titles": len(examples),
        "appellations": len(catalog.apps),
    }
    places = load_places(settings.territoires_dir, catalog)
    ranker = fit_ranker(catalog, examples, params, meta, places)
    path = ranker.save(settings.model_dir / ARTEFACT_FILE)
    log.info(
        "title ranker %s written to %s in %.0fs", ranker.version, path, time.monotonic() - started
    )
    return path


def evaluate(
    settings: Settings | None = None, params: Params | None = None, mode: str = "grouped"
) -> list[Row]:
    """Grouped cross-validation of every system, plus the dev set when it is present."""
    settings = settings or Settings()
    catalog = load_catalog(settings.rome_dir)
    examples = load_examples(settings.train_dir / TITLES_FILE)
    dev_file = settings.train_dir.parent / DEV_SET / TITLES_FILE
    dev = load_examples(dev_file) if dev_file.exists() else []
    places = load_places(settings.territoires_dir, catalog)
    return cross_validate(catalog, examples, params or Params(), mode=mode, dev=dev, places=places)
