"""The elementary functions of a hull: their limits stand in at infinite ends.

Each function takes its limit at ±∞ (e^−∞ = 0, tanh ∞ = 1, log 0 = −∞). Monotone
functions map the ends, sin and cos stay in [−1, 1], cosh has its minimum at 0 and the
derivatives of sinc decay like 1/|x|. :mod:`hull` picks one of these for each function node.
"""

from __future__ import annotations

from collections.abc import Callable

from flint import arb

from generator.analysis.arb import span
from generator.analysis.extended import (
    INF,
    End,
    Hull,
    compare,
    greatest,
    gt,
    is_zero,
    lower,
    lt,
    neg,
    upper,
    upper_end,
)
from generator.analysis.pieces import UndeterminedError


def monotone(
    a: Hull,
    function: Callable[[arb], arb],
    limits: tuple[End, End],
    increasing: bool = True,
    domain_low: End = -INF,
) -> Hull:
    """A monotone function, with its limits at the ends of its domain for infinite ends."""
    if lt(a.low, domain_low):
        raise UndeterminedError("a tail leaves the domain of a function")

    def at(end: End, up: bool) -> End:
        if not isinstance(end, arb):
            return limits[0] if end < 0 else limits[1]
        if compare(end, domain_low) == 0:
            return limits[0]
        value = function(end)
        return upper(value) if up else lower(value)

    # Strictly monotone: a limit, or the image of an end never reached, is never reached.
    low_open = a.low_open or not isinstance(a.low, arb)
    high_open = a.high_open or not isinstance(a.high, arb)
    if increasing:
        return Hull(at(a.low, up=False), at(a.high, up=True), low_open, high_open)
    return Hull(at(a.high, up=False), at(a.low, up=True), high_open, low_open)


def bounded_by_one(a: Hull, function: Callable[[arb], arb]) -> Hull:
    """sin and cos: the ball's values where the argument is bounded, else [−1, 1]."""
    if a.bounded:
        assert isinstance(a.low, arb)
        assert isinstance(a.high, arb)
        ball = function(span(a.low, a.high))
        if ball.is_finite() and ball.rad() < 1:
            return Hull.of(ball).meet(Hull(arb(-1), arb(1)))
    return Hull(arb(-1), arb(1))


def cosh(a: Hull) -> Hull:
    if gt(a.low, 0) or is_zero(a.low):
        return monotone(a, arb.cosh, (INF, INF))
    if lt(a.high, 0) or is_zero(a.high):
        return monotone(a, arb.cosh, (INF, INF), increasing=False)
    top = greatest([upper_end(_cosh_end(a.low)), upper_end(_cosh_end(a.high))])
    return Hull(arb(1), top)


def _cosh_end(end: End) -> arb | float:
    return end.cosh() if isinstance(end, arb) else INF


def sinc_derivative(order: int, a: Hull) -> Hull:
    """|sinc⁽ᵏ⁾| ≤ 1/(k+1) everywhere, and ≤ (1 + k·bound⁽ᵏ⁻¹⁾)/|x| away from 0."""
    bound = arb(1) / (order + 1)
    distance = a.low if gt(a.low, 0) else (neg(a.high) if lt(a.high, 0) else None)
    if distance is not None:
        far = _far_bound(order, distance)
        if bool(far < bound):
            bound = far
    return Hull(-bound.upper(), bound.upper())


def _far_bound(order: int, distance: End) -> arb:
    """From x·sinc⁽ᵏ⁾ = sin⁽ᵏ⁾ − k·sinc⁽ᵏ⁻¹⁾ with |x| ≥ distance."""
    if not isinstance(distance, arb):
        return arb(0)
    previous = _far_bound(order - 1, distance) if order else arb(0)
    return ((1 + order * previous) / distance).upper()
