"""Run the SymPy derivation of every entry in parallel, each under a time limit.

SymPy can take a very long time on an innocent-looking formula, or fail on it. Each entry
is analysed in a worker process with an alarm set, so one slow or failing entry ends the
build with a message naming its file instead of hanging it or printing a traceback.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

import sympy as sp

from generator.analysis.entry import analyse
from generator.deadlines import DERIVE, entry_work
from generator.parallel import on_workers, patience
from generator.records.analysis import Analysis
from generator.records.catalog import Activation
from generator.records.services import Memo, Steps

TIME_LIMIT: Final = DERIVE.default  # seconds of SymPy per activation


def _analyse_in_time(task: tuple[int, Activation, float]) -> tuple[int, Analysis]:
    index, activation, limit = task
    problem = f"SymPy did not finish deriving it within {limit:g} s; simplify the formula"
    with entry_work(activation.source, "deriving it", limit, field="expression", too_slow=problem):
        return index, analyse(activation)


def analyse_all(
    activations: Sequence[Activation],
    memo: Memo,
    steps: Steps,
    jobs: int | None = None,
    limit: float | None = None,
) -> tuple[Analysis, ...]:
    """``analyse`` for each entry, in order: from the cache where it can, the rest on
    ``jobs`` processes (default: all cores), each within ``limit`` seconds (default:
    :data:`~generator.deadlines.DERIVE`)."""
    limit = DERIVE.seconds() if limit is None else limit
    results = {a.id: _cached(memo, a) for a in activations}
    # Longest first (formula size is a fair guess), so no core is left with one slow entry.
    missing = sorted(
        (a for a in activations if results[a.id] is None),
        key=lambda a: -sp.count_ops(a.expression),
    )
    if len(missing) < len(activations):
        steps.step("from the cache", count=len(activations) - len(missing))
    if missing:
        tasks = [(index, a, limit) for index, a in enumerate(missing)]
        derived = on_workers(_analyse_in_time, tasks, jobs, ordered=False, patience=patience(limit))
        for index, analysis in derived:
            activation = missing[index]
            memo.store("analysis", [activation.mathematics()], analysis)
            results[activation.id] = analysis
            steps.step(activation.id)
    steps.finish(f"{len(missing)} derived, {len(activations) - len(missing)} cached")
    return tuple(_present(results[a.id]) for a in activations)


def _cached(memo: Memo, activation: Activation) -> Analysis | None:
    found = memo.lookup("analysis", [activation.mathematics()])
    return found if isinstance(found, Analysis) else None


def _present(analysis: Analysis | None) -> Analysis:
    assert analysis is not None
    return analysis
