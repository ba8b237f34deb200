"""What the benchmark types: distinct real ad titles, a Zipf-weighted stream, typed prefixes.

The titles are the training ads' (`METIERSCOPE_TRAIN_DIR/titles.jsonl`): real titles as
recruiters wrote them, far more varied than the dev set's 150.
"""

import random
from collections import Counter
from collections.abc import Sequence
from itertools import accumulate

from search_api.search.queries import clean_query

ZIPF_EXPONENT = 1.0  # a search box's queries: the r-th most frequent comes ~1/r as often
ZIPF_DRAWS = 50_000  # queries of a Zipf stream: more than any run sends
PREFIX_LENGTHS = (3, 5, 8)  # letters typed before a suggestion is picked (as the eval measures)


def distinct_titles(titles: Sequence[str], seed: int) -> list[str]:
    """Each title once, in a seeded random order (sources mixed, not file order)."""
    unique = sorted(set(titles))
    random.Random(seed).shuffle(unique)  # noqa: S311 (a benchmark's order, not a secret)
    return unique


def zipf_stream(titles: Sequence[str], length: int, seed: int) -> list[str]:
    """`length` titles drawn with replacement, the r-th most frequent with weight 1/r^s."""
    counts = Counter(titles)
    ranked = sorted(distinct_titles(titles, seed), key=lambda t: -counts[t])  # stable on ties
    weights = list(accumulate(1.0 / rank**ZIPF_EXPONENT for rank in range(1, len(ranked) + 1)))
    rng = random.Random(seed)  # noqa: S311 (a benchmark's draws, not a secret)
    return rng.choices(ranked, cum_weights=weights, k=length)


def typed_prefixes(titles: Sequence[str], *, distinct: bool) -> list[str]:
    """What people have typed after 3, 5 and 8 letters of each title (gender markers cut)."""
    out = []
    for title in titles:
        text = clean_query(title).lower()
        out += [text[:n] for n in PREFIX_LENGTHS if len(text) >= n]
    return list(dict.fromkeys(out)) if distinct else out
