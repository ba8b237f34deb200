"""Source-grouped CV and dev report of fiche recognition and compétence ranking, with the oracle
baselines computed in the same run; then the final fit.

    .venv/bin/python -m evaluation.descriptions.report [--no-dev]
"""

import json
import sys
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import numpy as np

from evaluation.descriptions.data import Ad, Corpus, load_corpus, read_ads
from evaluation.descriptions.fiches import Config, FoldResult, topk
from evaluation.descriptions.metrics import both_levels
from evaluation.descriptions.ranker import (
    LabelIndex,
    base_ranker,
    build_fold_rows,
    candidate_rows,
    coeur_first,
    export_order,
    label_frequency,
    oracle_rankings,
    transfer_rankings,
)
from evaluation.descriptions.train import (
    CrossValidated,
    Named,
    competence_fiches,
    cross_validated,
    given_titles,
    load_models,
    oof_fiches,
    oof_probabilities,
    title_ranker,
    train,
)
from indexer.settings import Settings
from ranking.competences import FEATURES
from ranking.named_title import GIVEN_TITLE_WEIGHT, likely_fiches

DEV_COMPETENCES = "competences.jsonl"
Table = dict[str, dict[str, float]]


FICHE_METRICS = (
    "top1",
    "top5",
    "classifier top1",
    "classifier top5",
    "with its title top1",
    "with its title top5",
)


def fiche_table(cv: CrossValidated, given: Named) -> Table:
    """Top-1 / top-5 fiche métier per held-out source, pooled and averaged over sources: with
    the named title (what serves a text alone), the classifier alone, and with the ad's own
    title given beside the text (`given`, see `given_titles`)."""
    served = [
        replace(r, scores=oof_probabilities(cv.prep, r, cv.temperature, cv.named))
        for r in cv.results
    ]
    titled = [
        replace(
            r,
            scores=oof_probabilities(
                cv.prep, r, cv.temperature, cv.named | given, GIVEN_TITLE_WEIGHT
            ),
        )
        for r in cv.results
    ]

    def row(
        plain: list[FoldResult], mixed: list[FoldResult], with_title: list[FoldResult]
    ) -> dict[str, float]:
        return {
            "n": float(sum(len(r.rows) for r in plain)),
            "top1": topk(cv.prep, mixed, 1),
            "top5": topk(cv.prep, mixed, 5),
            "classifier top1": topk(cv.prep, plain, 1),
            "classifier top5": topk(cv.prep, plain, 5),
            "with its title top1": topk(cv.prep, with_title, 1),
            "with its title top5": topk(cv.prep, with_title, 5),
        }

    out: Table = {
        res.source: {**row([res], [mix], [tit]), "seconds": res.seconds}
        for res, mix, tit in zip(cv.results, served, titled, strict=True)
    }
    sources = list(out.values())
    out["pooled"] = row(cv.results, served, titled)
    out["mean over sources"] = {m: float(np.mean([s[m] for s in sources])) for m in FICHE_METRICS}
    out["named title"] = {"n": float(len(cv.named))}
    return out


def soft_frequency(cv: CrossValidated, corpus: Corpus) -> list[list[str]]:
    """Candidates ranked by their predicted-fiche label rate alone (no text, no model)."""
    ads = corpus.competences
    column = FEATURES.index("log_fiche_rate")
    ranked: list[list[str]] = [[] for _ in ads]
    for fold in cv.folds:
        for i, codes, feats in zip(fold.ads, fold.codes, fold.features, strict=True):
            order: list[int] = (
                np.lexsort((np.asarray(codes), -feats[:, column])).tolist() if codes else []
            )
            ranked[i] = [codes[j] for j in order]
    return ranked


def ranking_table(cv: CrossValidated, corpus: Corpus) -> dict[str, Table]:
    """Item and macro metrics of the learned ranker next to the baselines, out of fold."""
    ads, tables = corpus.competences, corpus.tables
    labels = [list(a.labels) for a in ads]
    runs = {
        "learned ranker (predicted fiches + text)": cv.rankings,
        "label frequency, predicted fiches (soft)": soft_frequency(cv, corpus),
        "oracle: export order": oracle_rankings(ads, tables, export_order(tables)),
        "oracle: coeur first": oracle_rankings(ads, tables, coeur_first(tables)),
        "oracle: label frequency": oracle_rankings(ads, tables, label_frequency(tables)),
    }
    return {name: both_levels(tables, labels, ranked) for name, ranked in runs.items()}


def titled_ranking(cv: CrossValidated, corpus: Corpus, given: Named) -> Table:
    """Item and macro metrics out of fold when each labelled ad's own title is given: the
    boosters fitted on the text-only rows of the other sources score candidates built from the
    titled fiche probabilities, as serving does."""
    fiches = oof_fiches(cv.prep, cv.results, cv.temperature, cv.named | given, GIVEN_TITLE_WEIGHT)
    ads, index = corpus.competences, LabelIndex.build(corpus.tables)
    folds = build_fold_rows(ads, corpus.tables, competence_fiches(corpus, fiches), index)
    ranked = transfer_rankings(cv.folds, folds, len(ads))
    return both_levels(corpus.tables, [list(a.labels) for a in ads], ranked)


def per_source(cv: CrossValidated, corpus: Corpus) -> Table:
    """Item recall@10 of the learned ranker per held-out source."""
    ranked = cv.rankings
    out: Table = {}
    for fold in cv.folds:
        labels = [list(corpus.competences[i].labels) for i in fold.ads]
        metrics = both_levels(corpus.tables, labels, [ranked[i] for i in fold.ads])
        out[fold.source] = {
            "n": float(len(fold.ads)),
            "item R@10": metrics["item"]["R@10"],
            "macro R@10": metrics["macro"]["R@10"],
        }
    return out


def dev_tables(settings: Settings, corpus: Corpus, dev: Sequence[Ad]) -> dict[str, object]:
    """Fiche top-1/5 and compétence metrics of the trained artefacts on the dev ads."""
    classifier, ranker = load_models(Path(settings.model_dir))
    titles = title_ranker(settings)
    index = LabelIndex.build(corpus.tables)
    ranked: dict[bool, list[list[str]]] = {False: [], True: []}
    hits1 = {False: 0, True: 0}
    hits5 = {False: 0, True: 0}
    latencies = []
    for ad in dev:
        start = time.perf_counter()
        likely_fiches(classifier, titles, ad.text[:1000], 10)
        latencies.append(time.perf_counter() - start)
        for titled in (False, True):
            title = ad.title if titled else None
            fiches = likely_fiches(classifier, titles, ad.text, 10, title=title)
            hits1[titled] += fiches[0][0] == ad.parent
            hits5[titled] += ad.parent in {c for c, _ in fiches[:5]}
            _, _, given = candidate_rows(ranker, fiches, index.evidence(ad.text))
            ranked[titled].append([s.code for s in ranker.score(fiches, given)])
    train_ranker = base_ranker(corpus.competences, corpus.tables)
    labels = [list(a.labels) for a in dev]
    runs = {
        "learned ranker (predicted fiches + text)": ranked[False],
        "learned ranker, the ad's title given": ranked[True],
    }
    for name, key in (
        ("oracle: export order", export_order(corpus.tables)),
        ("oracle: coeur first", coeur_first(corpus.tables)),
        ("oracle: label frequency", label_frequency(corpus.tables)),
    ):
        runs[name] = [key(train_ranker, a) for a in dev]
    n = max(len(dev), 1)
    return {
        "fiche": {
            "n": len(dev),
            "top1": hits1[False] / n,
            "top5": hits5[False] / n,
            "with its title top1": hits1[True] / n,
            "with its title top5": hits5[True] / n,
        },
        "latency_ms_1000_chars": {
            "median": 1000 * float(np.median(latencies)),
            "p95": 1000 * float(np.percentile(latencies, 95)),
        },
        "ranking": {k: both_levels(corpus.tables, labels, r) for k, r in runs.items()},
    }


def cross_validation(settings: Settings) -> tuple[Table, dict[str, Table]]:
    """Fiche recognition per held-out source, and compétence ranking next to the oracle
    baselines, both out of fold (no final fit): what `metierscope eval` prints."""
    corpus = load_corpus(settings.train_dir, settings.rome_dir)
    titles = title_ranker(settings)
    cv = cross_validated(corpus, Config(), titles)
    return fiche_table(cv, given_titles(cv.prep, corpus, titles)), ranking_table(cv, corpus)


def main(with_dev: bool = True) -> dict[str, object]:
    """Run the CV, fit the final models, and (optionally) score the dev ads."""
    settings = Settings()
    corpus = load_corpus(settings.train_dir, settings.rome_dir)
    cfg = Config()
    titles = title_ranker(settings)
    cv = cross_validated(corpus, cfg, titles)
    given = given_titles(cv.prep, corpus, titles)
    report: dict[str, object] = {
        "temperature": cv.temperature,
        "fiche_cv": fiche_table(cv, given),
        "ranking_cv": ranking_table(cv, corpus),
        "ranking_cv_with_its_title": titled_ranking(cv, corpus, given),
        "ranking_cv_per_source": per_source(cv, corpus),
    }
    report["train"] = train(settings, cfg, cv)
    booster = load_models(Path(settings.model_dir))[1].booster
    if booster is not None:
        gains = booster.feature_importance(importance_type="gain")
        report["ranker_gain"] = dict(zip(FEATURES, (float(g) for g in gains), strict=True))
    if with_dev:
        dev = read_ads(
            Path(settings.train_dir).parent / "eval-dev" / DEV_COMPETENCES, corpus.tables
        )
        report["dev"] = dev_tables(settings, corpus, dev)
    out = Path(settings.model_dir) / "descriptions-report.json"
    out.write_text(json.dumps(report, indent=2, ensure_ascii=False))
    return report


if __name__ == "__main__":
    sys.stdout.write(json.dumps(main("--no-dev" not in sys.argv), indent=2, ensure_ascii=False))
