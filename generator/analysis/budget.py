"""``attempt``, which turns "SymPy gave up" into None — never "the time ran out": the only
time limits are the build's per-entry ones (:mod:`generator.deadlines`), which end the build
with an error naming the file instead of changing an answer."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from generator.analysis.pieces import UndeterminedError

T = TypeVar("T")


def attempt(question: Callable[[], T]) -> T | None:
    """The answer, or None when it cannot be determined (never because of the time)."""
    try:
        return question()
    except UndeterminedError:
        return None
