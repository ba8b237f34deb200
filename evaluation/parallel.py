"""Independent training jobs (cross-validation folds, the final fit) on every core.

Each job stays single-threaded (LightGBM `n_jobs=1`, pure Python features), so a job's result
is the same whichever process runs it and however many there are: training stays
deterministic. Arguments and results are pickled to and from joblib's worker processes.
"""

import os
from collections.abc import Callable, Sequence
from typing import TypeVar

from joblib import Parallel, delayed  # type: ignore[import-untyped]

A = TypeVar("A")
R = TypeVar("R")


def map_jobs(job: Callable[[A], R], args: Sequence[A]) -> list[R]:
    """`job` (a module-level function) applied to every argument, one process per core,
    results in the order of `args`."""
    n = min(os.cpu_count() or 1, len(args))
    if n <= 1:
        return [job(a) for a in args]
    return list(Parallel(n_jobs=n)(delayed(job)(a) for a in args))
