"""One implementation of f and f′ measured against the exact values on a grid.

Points where f′ does not exist (kinks and branch boundaries) are left out of the f′ grid:
there the derivative is a convention (shown on the page), not a number to be accurate to.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

import numpy as np
import numpy.typing as npt
import sympy as sp

from generator.analysis.pieces import boundaries, split
from generator.numerics import reference
from generator.numerics.ulp import Errors, errors, zeros_on
from generator.records.analysis import ElementwiseAnalysis
from generator.records.catalog import Activation
from generator.records.services import Memo

Array = npt.NDArray[np.float64]
Quantity = Literal["f", "df"]
QUANTITIES: tuple[Quantity, ...] = ("f", "df")
DTYPES: dict[str, type[np.floating]] = {"float64": np.float64, "float32": np.float32}
Values = dict[sp.Symbol, sp.Rational]
# Where activations are used, and the tails; |x| > 750 is only the awkward-input tests'.
REGIONS: dict[str, float] = {"centre": 10.0, "tails": np.inf}


@dataclass(frozen=True)
class Case:
    """The exact values of one quantity of one activation (at its defaults) on a grid."""

    quantity: Quantity
    grid: Array
    exact: Array  # (2, n): value and remainder, see ``reference.exact``


def expressions(
    activation: Activation, analysis: ElementwiseAnalysis, values: Values | None = None
) -> dict[Quantity, sp.Expr]:
    """f and f′ at ``values`` of the parameters (the defaults when not given)."""
    values = activation.defaults if values is None else values
    return {
        "f": activation.expression.subs(values),
        "df": analysis.derivative.subs(values),
    }


def settings(activation: Activation) -> list[Values]:
    """Where accuracy is measured: the defaults, then (with parameters) each p at 5p/2 + 1/4,
    since a rounding inside the formula (βx before the exponential) shows only off 1."""
    if not activation.parameters:
        return [activation.defaults]
    factor, shift = sp.Rational(5, 2), sp.Rational(1, 4)
    return [
        activation.defaults,
        {p.symbol: p.default * factor + shift for p in activation.parameters},
    ]


def breakpoints(activation: Activation, values: Values | None = None) -> tuple[float, ...]:
    """Where f′ may not exist (at the defaults unless ``values`` are given): catalog kinks
    and branch boundaries."""
    values = activation.defaults if values is None else values
    points = {float(kink.at.subs(values)) for kink in activation.kinks}
    at = activation.expression.subs(values)
    points |= {float(p) for p in boundaries(split(at, activation.variable))}
    return tuple(sorted(points))


def grid_for(
    activation: Activation, quantity: Quantity, grid: Array, values: Values | None = None
) -> Array:
    if quantity == "f":
        return grid
    kinks = np.array(breakpoints(activation, values))
    if kinks.size == 0:
        return grid
    return grid[np.all(np.abs(grid[:, None] - kinks[None, :]) > 0, axis=1)]


def case(
    activation: Activation,
    analysis: ElementwiseAnalysis,
    quantity: Quantity,
    grid: Array,
    memo: Memo,
    values: Values | None = None,
) -> Case:
    """The exact values of one quantity on the grid (from ``memo`` when computed before),
    at ``values`` of the parameters (the defaults when not given)."""
    points = grid_for(activation, quantity, grid, values)
    expression = expressions(activation, analysis, values)[quantity]
    return Case(quantity, points, reference.exact(expression, activation.variable, points, memo))


@dataclass(frozen=True)
class Outcome:
    errors: Errors
    warnings: tuple[str, ...]  # NumPy warnings raised while computing


def run(
    function: Callable[[Array], object],
    case: Case,
    dtype: type[np.floating],
    zeros: Array | None = None,
) -> Outcome:
    """Call ``function`` on the grid in ``dtype`` and measure its output as that dtype.

    ``zeros``: the quantity's zeros as found on a finer grid (see ``ulp.errors``)."""
    return run_regions(function, case, dtype, zeros, {"all": np.inf})["all"]


def run_regions(
    function: Callable[[Array], object],
    case: Case,
    dtype: type[np.floating],
    zeros: Array | None = None,
    regions: dict[str, float] = REGIONS,
) -> dict[str, Outcome]:
    """As ``run``, with the errors split by |x|: region → its outcome. Each region holds
    the points above the previous region's bound, up to its own."""
    with warnings.catch_warnings(record=True) as caught, np.errstate(all="warn", under="ignore"):
        warnings.simplefilter("always")
        output = np.asarray(function(case.grid.astype(dtype)))
    values = output.astype(dtype).astype(np.float64)
    raised = tuple(sorted({str(w.message) for w in caught}))
    zeros = zeros_on(case.grid, case.exact) if zeros is None else zeros
    found: dict[str, Outcome] = {}
    lower = -1.0
    for name, upper in regions.items():
        inside = (np.abs(case.grid) > lower) & (np.abs(case.grid) <= upper)
        measured = errors(values[inside], case.grid[inside], case.exact[:, inside], dtype, zeros)
        found[name] = Outcome(measured, raised)
        lower = upper
    return found
