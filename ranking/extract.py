"""Candidate generation and feature rows for a batch of (cleaned) queries."""

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from ranking.catalog import FloatArray, IntArray, stems
from ranking.features import (
    CANDIDATE_LABELS,
    CANDIDATE_PARENTS,
    FEATURES,
    NO_SOURCE,
    TOP_LABELS,
    TOP_TITLES,
    QueryFeatures,
    TitleIndex,
    _top,
    head_keys,
)

Dense = npt.NDArray[np.float32]


@dataclass
class _Batch:
    """Similarities and votes of a batch of queries, before per-query candidate selection."""

    label_sim: Dense  # queries x appellations
    word_sim: Dense
    title_top_sim: Dense  # queries x 1
    parent_label_max: Dense  # queries x fiches métier
    parent_label_vote: Dense
    parent_title_vote: Dense
    parent_title_max: Dense
    fiche_title_vote: Dense
    app_title_vote: Dense  # queries x appellations


def _votes(
    sims: Dense, targets: IntArray, top: npt.NDArray[np.int64], columns: int
) -> tuple[Dense, Dense]:
    """Sum and max of the top similarities per target column (targets -1 are ignored)."""
    rows = np.repeat(np.arange(sims.shape[0]), top.shape[1])
    values = np.take_along_axis(sims, top, axis=1).ravel()
    cols = targets[top.ravel()]
    keep = (cols >= 0) & (values > 0)
    # Flat bincount instead of a COO matrix: scipy's constructor checks cost ~0.5 ms per call.
    flat, kept = rows[keep] * columns + cols[keep], values[keep]
    size = sims.shape[0] * columns
    total = np.bincount(flat, weights=kept, minlength=size).astype(np.float32)
    peak = np.zeros(size, dtype=np.float32)
    np.maximum.at(peak, flat, kept)
    return total.reshape(-1, columns), peak.reshape(-1, columns)


def _top_rows(sims: Dense, k: int) -> npt.NDArray[np.int64]:
    """Per row, the positions of the k largest values (unordered)."""
    k = min(k, sims.shape[1])
    return np.argpartition(-sims, k - 1, axis=1)[:, :k].astype(np.int64)


def _batch(index: TitleIndex, texts: list[str], exclude: IntArray | None) -> _Batch:
    """All similarity matrices and vote tables of a batch."""
    cat = index.catalog
    query = index.encode(texts)
    label_sim = (query @ index.labels_t).toarray()
    word_sim = (query[:, : index.word_size] @ index.labels_word_t).toarray() * 2
    title_sim = (query @ index.titles_t).toarray()
    if exclude is not None:
        title_sim[index.title_source[None, :] == exclude[:, None]] = 0.0
    top_labels = _top_rows(label_sim, TOP_LABELS)
    top_titles = _top_rows(title_sim, TOP_TITLES)
    parent_label_vote, _ = _votes(label_sim, cat.parent_of, top_labels, len(cat.parents))
    parent_vote, parent_max = _votes(title_sim, index.title_parent, top_titles, len(cat.parents))
    fiche_vote, _ = _votes(title_sim, index.title_fiche, top_titles, len(cat.fiches))
    app_vote, _ = _votes(title_sim, index.title_app, top_titles, len(cat.apps))
    return _Batch(
        label_sim=label_sim,
        word_sim=word_sim,
        title_top_sim=title_sim.max(axis=1, initial=0.0)[:, None],
        parent_label_max=np.maximum.reduceat(label_sim, cat.parent_start[:-1], axis=1),
        parent_label_vote=parent_label_vote,
        parent_title_vote=parent_vote,
        parent_title_max=parent_max,
        fiche_title_vote=fiche_vote,
        app_title_vote=app_vote,
    )


def _share(row: Dense) -> Dense:
    """A vote row divided by its total (zeros stay zeros)."""
    total = float(row.sum())
    return row / total if total > 0 else row


def _head_votes(index: TitleIndex, text: str, source: int) -> tuple[Dense, Dense]:
    """Known documents per fiche métier sharing the query's first word, and first two words."""
    n = len(index.catalog.parents)
    one, two = head_keys(text)
    none = np.zeros(n, dtype=np.float32)
    if index.heads is None:
        return none, none
    return (
        index.heads.votes(f"1 {one}", n, source).astype(np.float32) if one else none,
        index.heads.votes(f"2 {two}", n, source).astype(np.float32) if two else none,
    )


def _candidates(
    index: TitleIndex,
    b: _Batch,
    i: int,
    counts: FloatArray,
    *,
    extra: Sequence[int],
    heads: tuple[Dense, Dense],
) -> IntArray:
    """Best labels, voted appellations, best appellations of the top fiches métier, extras."""
    cat = index.catalog
    chosen = list(_top(b.label_sim[i], CANDIDATE_LABELS))
    chosen.extend(np.nonzero(b.app_title_vote[i])[0].tolist())
    parent_score = (
        _share(b.parent_title_vote[i])
        + _share(b.parent_label_vote[i])
        + 0.5 * (_share(heads[0]) + _share(heads[1]))
    )
    for p in _top(parent_score, CANDIDATE_PARENTS):
        if parent_score[p] <= 0:
            break
        start, end = int(cat.parent_start[p]), int(cat.parent_start[p + 1])
        chosen.append(start + int(np.argmax(b.label_sim[i, start:end])))
        chosen.append(start + int(np.argmax(counts[start:end])))
    chosen.extend(extra)
    return np.fromiter(dict.fromkeys(chosen), dtype=np.int64)


def _lexical(index: TitleIndex, text: str, cands: IntArray) -> dict[str, FloatArray]:
    """Head-noun match and word coverage between the query and each candidate label."""
    cat = index.catalog
    words = stems(text)
    query = set(words)
    head = words[0] if words else ""
    shared = [len(query & cat.stems[c]) for c in cands.tolist()]
    return {
        "head_match": np.array([float(head in cat.heads[c]) for c in cands.tolist()]),
        "query_cover": np.array(shared, dtype=np.float64) / max(len(query), 1),
        "label_cover": np.array(
            [s / max(len(cat.stems[c]), 1) for s, c in zip(shared, cands.tolist(), strict=True)]
        ),
    }


def _head_columns(heads: tuple[Dense, Dense], p: IntArray) -> dict[str, FloatArray]:
    """Share of the head's documents in each candidate's fiche métier, and how many there are."""
    out: dict[str, FloatArray] = {}
    for name, votes in zip(("head", "head2"), heads, strict=True):
        total = float(votes.sum())
        share = votes[p] / total if total else np.zeros(len(p))
        out[f"{name}_share"] = np.asarray(share, dtype=np.float64)
        out[f"{name}_total"] = np.full(len(p), np.log1p(total))
    return out


def _rows(
    index: TitleIndex,
    b: _Batch,
    i: int,
    cands: IntArray,
    *,
    source: int,
    text: str,
    heads: tuple[Dense, Dense],
) -> FloatArray:
    """The feature matrix of one query's candidates, columns in FEATURES order."""
    cat = index.catalog
    p = cat.parent_of[cands]
    app_counts = index.app_counts.sum(axis=0)[cands]
    parent_counts = index.parent_counts.sum(axis=0)[p]
    if source != NO_SOURCE:
        app_counts = app_counts - index.app_counts[source, cands]
        parent_counts = parent_counts - index.parent_counts[source, p]
    sim = b.label_sim[i, cands]
    word = b.word_sim[i, cands]
    rank = np.empty(len(cands))
    rank[np.argsort(-sim, kind="stable")] = np.arange(len(cands))
    columns = {
        "label_sim": sim,
        "label_word": word,
        "label_char": 2 * sim - word,
        "label_rank": np.log1p(rank),
        "parent_label_max": b.parent_label_max[i, p],
        "parent_label_vote": _share(b.parent_label_vote[i])[p],
        "parent_title_vote": _share(b.parent_title_vote[i])[p],
        "parent_title_raw": b.parent_title_vote[i, p],
        "parent_title_max": b.parent_title_max[i, p],
        "fiche_title_vote": _share(b.fiche_title_vote[i])[cat.fiche_of[cands]],
        "app_title_vote": _share(b.app_title_vote[i])[cands],
        "app_prior": np.log1p(app_counts),
        "parent_prior": np.log1p(parent_counts),
        "principale": cat.principale[cands],
        "peu_usite": cat.peu_usite[cands],
        "top_label_sim": np.full(len(cands), b.label_sim[i].max()),
        "top_title_sim": np.full(len(cands), b.title_top_sim[i, 0]),
        "query_words": np.full(len(cands), float(len(text.split()))),
        **_lexical(index, text, cands),
        **_head_columns(heads, p),
    }
    return np.column_stack([columns[name] for name in FEATURES]).astype(np.float64)


def extract(
    index: TitleIndex,
    texts: list[str],
    sources: IntArray | None = None,
    extra: Sequence[Sequence[int]] | None = None,
) -> list[QueryFeatures]:
    """Candidates and features per query; `sources` hides each query's own source's titles."""
    b = _batch(index, texts, sources)
    totals = index.app_counts.sum(axis=0)
    out: list[QueryFeatures] = []
    for i, text in enumerate(texts):
        source = NO_SOURCE if sources is None else int(sources[i])
        counts = totals if source == NO_SOURCE else totals - index.app_counts[source]
        heads = _head_votes(index, text, source)
        cands = _candidates(index, b, i, counts, extra=extra[i] if extra else (), heads=heads)
        values = _rows(index, b, i, cands, source=source, text=text, heads=heads)
        out.append(QueryFeatures(cands, values))
    return out
