"""Run the SymPy derivation of every entry in parallel, each under a time limit.

SymPy can take a very long time on an innocent-looking formula. Each entry is analysed in
a worker process with an alarm set, so one slow entry ends the build with a message naming
its file instead of hanging it.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections.abc import Sequence
from types import FrameType
from typing import Final

from generator.analysis import analyse
from generator.errors import CatalogError
from generator.model import Activation, Analysis

TIME_LIMIT: Final = 120.0  # seconds of SymPy per activation


class _OutOfTimeError(Exception):
    pass


def _alarm(signum: int, frame: FrameType | None) -> None:
    raise _OutOfTimeError


def _analyse_in_time(task: tuple[Activation, float]) -> Analysis:
    activation, limit = task
    signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, limit)
    try:
        return analyse(activation)
    except _OutOfTimeError:
        raise CatalogError(
            activation.source,
            "expression",
            f"SymPy did not finish deriving it within {limit:g} s; simplify the formula",
        ) from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


def analyse_all(
    activations: Sequence[Activation], jobs: int | None = None, limit: float = TIME_LIMIT
) -> list[Analysis]:
    """``analyse`` for each entry, in order, on ``jobs`` processes (default: all cores)."""
    workers = max(1, min(jobs or os.cpu_count() or 1, len(activations)))
    context = multiprocessing.get_context("fork")
    with context.Pool(processes=workers) as pool:
        return pool.map(_analyse_in_time, [(a, limit) for a in activations], chunksize=1)
