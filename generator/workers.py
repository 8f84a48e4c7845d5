"""Run the SymPy derivation of every entry in parallel, each under a time limit.

SymPy can take a very long time on an innocent-looking formula. Each entry is analysed in
a worker process with an alarm set, so one slow entry ends the build with a message naming
its file instead of hanging it.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Sequence
from typing import Final

from generator import cache
from generator.analysis import analyse
from generator.analysis.budget import time_limit
from generator.errors import CatalogError
from generator.model import Activation, Analysis

TIME_LIMIT: Final = 120.0  # seconds of SymPy per activation


def _analyse_in_time(task: tuple[Activation, float]) -> Analysis:
    activation, limit = task
    problem = f"SymPy did not finish deriving it within {limit:g} s; simplify the formula"
    with time_limit(limit, lambda: CatalogError(activation.source, "expression", problem)):
        return analyse(activation)


def analyse_all(
    activations: Sequence[Activation],
    jobs: int | None = None,
    limit: float = TIME_LIMIT,
    *,
    use_cache: bool = True,
) -> list[Analysis]:
    """``analyse`` for each entry, in order: from the cache where it can, the rest on
    ``jobs`` processes (default: all cores)."""
    results = {a.id: cache.load(a) if use_cache else None for a in activations}
    missing = [a for a in activations if results[a.id] is None]
    if missing:
        workers = max(1, min(jobs or os.cpu_count() or 1, len(missing)))
        context = multiprocessing.get_context("forkserver")  # fork is unsafe in threaded hosts
        with context.Pool(processes=workers) as pool:
            computed = pool.map(_analyse_in_time, [(a, limit) for a in missing], chunksize=1)
        for activation, analysis in zip(missing, computed, strict=True):
            cache.store(activation, analysis)
            results[activation.id] = analysis
    return [_present(results[a.id]) for a in activations]


def _present(analysis: Analysis | None) -> Analysis:
    assert analysis is not None
    return analysis
