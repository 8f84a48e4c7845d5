"""A numerical estimate of the range, shown only where SymPy could not find the exact one.

The minimum of SiLU, GELU or Mish sits at the root of a transcendental equation, so
SymPy's range is "not determined". Readers still want the number. This module finds it
numerically — a dense grid, then Newton's method on f′ at 30 digits — and the page labels
it as numerical. The ends at ±∞ come from SymPy's limits; without them there is no estimate.
"""

from __future__ import annotations

from typing import Final

import mpmath
import numpy as np
import sympy as sp

from generator.analysis.pieces import canonical
from generator.records.analysis import Tail

GRID: Final = np.linspace(-30.0, 30.0, 60_001)


def estimate_range(expression: sp.Expr, x: sp.Symbol, left: Tail, right: Tail) -> sp.Set | None:
    """[min, max] over interior extremes and the limits at ±∞, or None if a limit is missing."""
    if left.value_limit is None or right.value_limit is None:
        return None
    form = canonical(expression)
    function = sp.lambdify(x, form, modules=["numpy", "scipy"])
    with np.errstate(all="ignore"):
        values = np.broadcast_to(np.asarray(function(GRID), dtype=np.float64), GRID.shape)
    if not np.all(np.isfinite(values)):
        return None
    ends = [left.value_limit, right.value_limit]
    low = _extreme(form, x, float(GRID[int(np.argmin(values))]))
    high = _extreme(form, x, float(GRID[int(np.argmax(values))]))
    lower = min([low, *ends], key=lambda v: float(v))
    upper = max([high, *ends], key=lambda v: float(v))
    return sp.Interval(lower, upper, lower in ends, upper in ends)


def _extreme(form: sp.Expr, x: sp.Symbol, start: float) -> sp.Expr:
    """f at the critical point nearest ``start`` (Newton on f′), as a 6-digit Float."""
    slope = sp.lambdify(x, sp.diff(form, x), modules="mpmath")
    value = sp.lambdify(x, form, modules="mpmath")
    with mpmath.workdps(30):
        try:
            point = mpmath.findroot(slope, mpmath.mpf(start))
        except (ValueError, ZeroDivisionError):
            point = mpmath.mpf(start)
        return sp.Float(value(point), 6)
