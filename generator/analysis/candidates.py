"""The possible ends of a branch's image, and the proof of which one is the least or greatest.

The extremum engine (:mod:`extrema`) gathers candidates: values at critical points, at the
branch's finite ends and at its limits. Here Arb orders them: a candidate is dropped only
when another's ball lies wholly beyond its own, and the ones left must be proved equal.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

import sympy as sp
from flint import arb

from generator.analysis.arb import constant
from generator.analysis.critical import Root
from generator.analysis.pieces import UndeterminedError
from generator.records.analysis import Extreme


@dataclass(frozen=True)
class Candidate:
    """A value f takes or approaches: a possible end of the image."""

    value: sp.Expr  # exact (SymPy) or a Float at the ball's midpoint; ±oo for a limit
    ball: arb | None  # proved to contain the value; None for ±∞
    exact: bool
    attained: bool  # taken at some x (a critical point or a closed end), not only approached
    extreme: Extreme | None = None  # set for interior critical points
    at_root: Root | None = None
    inner: bool = False  # f(±X): never an end, the search boundary only

    @property
    def infinite(self) -> int:
        return 0 if self.ball is not None else (1 if self.value.is_extended_positive else -1)


@dataclass(frozen=True)
class Bound:
    """One end of an image: the value, a ball around it, and how it was reached."""

    value: sp.Expr
    ball: arb | None
    exact: bool
    attained: bool
    extremes: tuple[Extreme, ...]


def exact_candidate(value: sp.Expr, attained: bool) -> Candidate:
    """An exact value (or limit) of f, as a candidate."""
    if value.is_infinite:
        return Candidate(value, None, True, False)
    return Candidate(value, constant(value), True, attained)


def select(
    candidates: list[Candidate], direction: int, tied: Callable[[Candidate, Candidate], bool]
) -> Bound:
    """The least (direction −1) or greatest (+1) candidate, proved so; ``tied`` says whether
    two candidates whose balls overlap are equal all the same."""
    if any(c.infinite == direction for c in candidates):
        return Bound(direction * sp.oo, None, True, False, ())
    finite = [c for c in candidates if c.ball is not None]

    def beats(a: Candidate, b: Candidate) -> bool:
        assert a.ball is not None
        assert b.ball is not None
        if direction < 0:
            return bool(a.ball.upper() < b.ball.lower())
        return bool(a.ball.lower() > b.ball.upper())

    possible = [c for c in finite if not any(beats(o, c) for o in finite if o is not c)]
    if any(c.inner for c in possible):
        raise UndeterminedError("an extreme seems to lie at the edge of the searched interval")
    first = possible[0]
    for other in possible[1:]:
        if not tied(first, other):
            raise UndeterminedError("two candidates for an end are too close to order")
    exact = next((c for c in possible if c.exact), first)
    kind = "maximum" if direction > 0 else "minimum"
    extremes = tuple(replace(c.extreme, kind=kind) for c in possible if c.extreme is not None)
    return Bound(exact.value, exact.ball, exact.exact, any(c.attained for c in possible), extremes)
