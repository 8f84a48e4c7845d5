"""Intervals of the extended reals, whose ends are exact Arb numbers or ±∞, and their arithmetic.

Balls cannot be infinitely wide, yet the tails of an activation are. :mod:`hull` bounds a
formula over [X, ∞) node by node; this module is the arithmetic it runs on, apart from the
formula. 0·∞ counts as 0, which is right for closed hulls of sets of finite reals.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

from flint import arb

from generator.analysis.arb import integer_power

INF: Final = math.inf
End = arb | float  # an exact finite end, or ±∞


@dataclass(frozen=True)
class Hull:
    """[low, high] ∋ every value; ends are exact Arb numbers or ±∞.

    An open end is never reached: tanh(t) < 1 for finite t although its hull ends at 1,
    which is what makes 1 − tanh(t) strictly positive.
    """

    low: End
    high: End
    low_open: bool = False
    high_open: bool = False

    @staticmethod
    def of(ball: arb) -> Hull:
        if not ball.is_finite():
            return Hull(-INF, INF)
        return Hull(ball.lower(), ball.upper())

    @property
    def positive(self) -> bool:
        """Every value is > 0: the low end is, or it is an open 0."""
        return gt(self.low, 0) or (is_zero(self.low) and self.low_open)

    @property
    def negative(self) -> bool:
        return lt(self.high, 0) or (is_zero(self.high) and self.high_open)

    @property
    def sign(self) -> int:
        return 1 if self.positive else -1 if self.negative else 0

    @property
    def bounded(self) -> bool:
        return finite(self.low) and finite(self.high)

    def meet(self, other: Hull) -> Hull:
        """Both hulls hold, so their intersection does."""
        low, low_open = _tighter(self.low, self.low_open, other.low, other.low_open, 1)
        high, high_open = _tighter(self.high, self.high_open, other.high, other.high_open, -1)
        return Hull(low, high, low_open, high_open)


def _tighter(a: End, a_open: bool, b: End, b_open: bool, direction: int) -> tuple[End, bool]:
    order = compare(a, b) * direction
    if order > 0:
        return a, a_open
    if order < 0:
        return b, b_open
    return a, a_open or b_open


def finite(end: End | int) -> bool:
    return not isinstance(end, float)


def _rank(end: End | int) -> int:
    """−1 for −∞, 0 for a finite end, 1 for +∞."""
    if isinstance(end, float):
        return 1 if end > 0 else -1
    return 0


def compare(a: End | int, b: End | int) -> int:
    """The order of two ends; finite ends are exact, so Arb decides it."""
    ranks = (_rank(a), _rank(b))
    if ranks[0] != ranks[1] or ranks[0] != 0:
        return (ranks[0] > ranks[1]) - (ranks[0] < ranks[1])
    left, right = arb(a), arb(b)
    return 1 if bool(left > right) else -1 if bool(left < right) else 0


def gt(a: End | int, b: End | int) -> bool:
    return compare(a, b) > 0


def lt(a: End | int, b: End | int) -> bool:
    return compare(a, b) < 0


def is_zero(end: End) -> bool:
    return isinstance(end, arb) and end.is_zero()


def least(ends: Iterable[End]) -> End:
    return _outermost(ends, -1)


def greatest(ends: Iterable[End]) -> End:
    return _outermost(ends, 1)


def _outermost(ends: Iterable[End], direction: int) -> End:
    """The least (direction −1) or the greatest (+1) of some ends; the first of equal ones."""
    result: End | None = None
    for end in ends:
        if result is None or compare(end, result) * direction > 0:
            result = end
    assert result is not None
    return result


def lower(ball: arb) -> End:
    return ball.lower() if ball.is_finite() else -INF


def upper(ball: arb) -> End:
    return ball.upper() if ball.is_finite() else INF


def lower_end(value: arb | float) -> End:
    return value if isinstance(value, float) else lower(value)


def upper_end(value: arb | float) -> End:
    return value if isinstance(value, float) else upper(value)


def add(a: Hull, b: Hull) -> Hull:
    low = lower(a.low + b.low) if isinstance(a.low, arb) and isinstance(b.low, arb) else -INF
    high = upper(a.high + b.high) if isinstance(a.high, arb) and isinstance(b.high, arb) else INF
    return Hull(low, high, a.low_open or b.low_open, a.high_open or b.high_open)


def negate(a: Hull) -> Hull:
    return Hull(neg(a.high), neg(a.low), a.high_open, a.low_open)


def neg(end: End) -> End:
    return -end


def _times(a: End, b: End) -> tuple[End, End]:
    """Lower and upper bounds of a·b for two ends, with 0·∞ = 0."""
    if isinstance(a, arb) and isinstance(b, arb):
        product = a * b
        return lower(product), upper(product)
    if is_zero(a) or is_zero(b):
        zero = arb(0)
        return zero, zero
    value = INF if gt(a, 0) == gt(b, 0) else -INF
    return value, value


def multiply(a: Hull, b: Hull) -> Hull:
    bounds = [_times(p, q) for p in (a.low, a.high) for q in (b.low, b.high)]
    return Hull(least(low for low, _ in bounds), greatest(high for _, high in bounds))


def reciprocal(a: Hull) -> Hull:
    if a.positive or a.negative:
        return Hull(_inverse(a.high, up=False), _inverse(a.low, up=True), a.high_open, a.low_open)
    if is_zero(a.low) and gt(a.high, 0):  # [0, b]: values > 0 near the closed end
        return Hull(_inverse(a.high, up=False), INF)
    if is_zero(a.high) and lt(a.low, 0):
        return Hull(-INF, _inverse(a.low, up=True))
    return Hull(-INF, INF)


def _inverse(end: End, up: bool) -> End:
    if not finite(end):
        return arb(0)
    assert isinstance(end, arb)
    if end.is_zero():
        return INF if up else -INF
    value = 1 / end
    return value.upper() if up else value.lower()


def power(a: Hull, n: int) -> Hull:
    """An integer power: monotone on each side of 0, even powers never negative."""
    if n < 0:
        return reciprocal(power(a, -n))
    if n == 0:
        return Hull(arb(1), arb(1))
    ends = [_power_end(a.low, n), _power_end(a.high, n)]
    if n % 2 == 1:
        return Hull(lower_end(ends[0]), upper_end(ends[1]))
    if gt(a.low, 0) or is_zero(a.low):
        return Hull(lower_end(ends[0]), upper_end(ends[1]))
    if lt(a.high, 0) or is_zero(a.high):
        return Hull(lower_end(ends[1]), upper_end(ends[0]))
    return Hull(arb(0), greatest([upper_end(ends[0]), upper_end(ends[1])]))


def _power_end(end: End, n: int) -> arb | float:
    if not isinstance(end, arb):
        return INF if (n % 2 == 0 or end > 0) else -INF
    return integer_power(end, n)
