"""Numeric twins of symbolic objects, for checking SymPy's answers against numbers."""

from __future__ import annotations

from collections.abc import Callable

import mpmath
import numpy as np
import numpy.typing as npt
import sympy as sp

from generator.analysis.pieces import canonical
from generator.numerics.agreement import kinks_at
from generator.records.catalog import Activation

Array = npt.NDArray[np.float64]


def numpy_function(expression: sp.Expr, x: sp.Symbol) -> Callable[[Array], Array]:
    function = sp.lambdify(x, canonical(expression), modules=["numpy", "scipy"])

    def evaluate(values: Array) -> Array:
        with np.errstate(all="ignore"):
            result = np.asarray(function(values), dtype=np.float64)
        return np.broadcast_to(result, np.shape(values)).astype(np.float64)

    return evaluate


def mpmath_function(expression: sp.Expr, x: sp.Symbol) -> Callable[[mpmath.mpf], mpmath.mpf]:
    function = sp.lambdify(x, canonical(expression), modules="mpmath")
    return lambda value: mpmath.mpf(function(value))


def away_from(points: tuple[float, ...], values: Array, margin: float = 1e-3) -> Array:
    """The values farther than ``margin`` from every point."""
    keep = np.ones(values.shape, dtype=bool)
    for point in points:
        keep &= np.abs(values - point) > margin
    return values[keep]


def parameter_sets(activation: Activation) -> list[dict[sp.Symbol, sp.Rational]]:
    """The defaults and two other values of every parameter, for derivative checks."""
    if not activation.parameters:
        return [{}]
    sets = [activation.defaults]
    for factor in (sp.Rational(1, 3), sp.Rational(5, 2)):
        sets.append({p.symbol: p.default * factor + factor / 10 for p in activation.parameters})
    return sets


def breakpoints(activation: Activation, values: dict[sp.Symbol, sp.Rational]) -> tuple[float, ...]:
    """Where the formula switches branch at these parameter values, kinks included.

    Derivatives of any order may jump there, so numeric differentiation keeps away.
    """
    return kinks_at(activation, values)
