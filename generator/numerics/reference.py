"""Exact values of a SymPy expression on a grid, as double-double (hi, lo) pairs.

Each point is evaluated with mpmath at 50 significant digits plus |x|/2 (so that a term
like e^{−|x|} is never absorbed when added to 1, which two equal-but-short precisions would
both miss: log(1 + eˣ) at x = −200), and again 30 digits finer; where the two disagree
(cancellation, as in x − tanh x near 0) the precision is doubled until they agree, so the
reference is right to far more than the 53 bits it is compared against. The caller's
cache keeps the results.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Final

import mpmath
import numpy as np
import numpy.typing as npt
import sympy as sp

from generator.analysis.pieces import canonical
from generator.records.services import Memo

Array = npt.NDArray[np.float64]
START_DIGITS: Final = 50
AGREEMENT: Final = mpmath.mpf(10) ** -40
VERSION: Final = "2"


def exact(expression: sp.Expr, x: sp.Symbol, grid: Array, memo: Memo) -> Array:
    """A (2, n) array: the correctly rounded value and the rounded remainder, per point.

    NaN marks points where the expression is undefined or not real. Kept in ``memo`` by
    the expression and the grid, since the full grid takes minutes.
    """
    parts = [VERSION, sp.srepr(expression), x.name, np.ascontiguousarray(grid).tobytes()]
    return memo.cached("reference", parts, lambda: _pairs(expression, x, grid))


def _pairs(expression: sp.Expr, x: sp.Symbol, grid: Array) -> Array:
    function = _mpmath_function(expression, x)
    pairs: Array = np.array([_pair(function, float(point)) for point in grid]).T
    return pairs


def _mpmath_function(expression: sp.Expr, x: sp.Symbol) -> Callable[[mpmath.mpf], object]:
    function: Callable[[mpmath.mpf], object] = sp.lambdify(
        x, canonical(expression), modules="mpmath"
    )
    return function


def _value(function: Callable[[mpmath.mpf], object], point: float, digits: int) -> mpmath.mpf:
    with mpmath.workdps(digits):
        try:
            value = function(mpmath.mpf(point))
        except (ZeroDivisionError, ValueError, OverflowError):
            return mpmath.nan
        if isinstance(value, mpmath.mpc):
            return mpmath.nan if value.imag != 0 else mpmath.mpf(value.real)
        return mpmath.mpf(value)


def _pair(function: Callable[[mpmath.mpf], object], point: float) -> tuple[float, float]:
    digits = START_DIGITS + math.ceil(abs(point) / 2) if math.isfinite(point) else START_DIGITS
    value = _value(function, point, digits)
    while True:
        finer = _value(function, point, digits + 30)
        if mpmath.isnan(finer) or mpmath.isinf(finer) or finer == 0:
            break
        if mpmath.isfinite(value) and abs(finer - value) <= AGREEMENT * abs(finer):
            break
        if digits > 1200:
            return float("nan"), float("nan")
        digits *= 2
        value = finer
    if mpmath.isnan(finer):
        return float("nan"), float("nan")
    hi = float(finer)
    if not np.isfinite(hi) or finer == 0:
        return hi, 0.0
    with mpmath.workdps(digits + 30):
        lo = float(finer - mpmath.mpf(hi))
    return hi, lo
