"""Training jobs on every core give what one process gives, in the order asked."""

import math
import os

from evaluation.parallel import map_jobs


def test_jobs_in_other_processes_come_back_in_order():
    args = list(range(30, 0, -1))
    assert map_jobs(math.factorial, args) == [math.factorial(n) for n in args]


def test_the_jobs_run_in_worker_processes_when_there_are_cores():
    pids = set(map_jobs(_pid, list(range(8))))
    assert (os.getpid() not in pids) == ((os.cpu_count() or 1) > 1)


def test_one_job_or_none_runs_here():
    assert map_jobs(_pid, [0]) == [os.getpid()]
    assert map_jobs(_pid, []) == []


def _pid(_: int) -> int:
    return os.getpid()
