"""Run one function over many tasks on worker processes: the analysis and present stages."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


def on_workers(
    function: Callable[[T], R], tasks: Sequence[T], jobs: int | None, *, ordered: bool = True
) -> Iterator[R]:
    """``function`` of each task on ``jobs`` processes (default: all cores), in task order
    unless ``ordered`` is False; in this process when one worker is enough (an edit of one
    file has everything else cached: no process start-up to pay)."""
    workers = max(1, min(jobs or os.cpu_count() or 1, len(tasks)))
    if workers == 1:
        yield from map(function, tasks)
        return
    context = multiprocessing.get_context("forkserver")  # fork is unsafe in threaded hosts
    with context.Pool(processes=workers) as pool:
        mapped = pool.imap if ordered else pool.imap_unordered
        yield from mapped(function, tasks, chunksize=1)
