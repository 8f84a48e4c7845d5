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
from generator.numerics.ulp import Errors, errors
from generator.records.analysis import ElementwiseAnalysis
from generator.records.catalog import Activation
from generator.records.services import Memo

Array = npt.NDArray[np.float64]
Quantity = Literal["f", "df"]
QUANTITIES: tuple[Quantity, ...] = ("f", "df")
DTYPES: dict[str, type[np.floating]] = {"float64": np.float64, "float32": np.float32}


@dataclass(frozen=True)
class Case:
    """The exact values of one quantity of one activation (at its defaults) on a grid."""

    quantity: Quantity
    grid: Array
    exact: Array  # (2, n): value and remainder, see ``reference.exact``


def expressions(activation: Activation, analysis: ElementwiseAnalysis) -> dict[Quantity, sp.Expr]:
    return {
        "f": activation.at_defaults(),
        "df": analysis.derivative.subs(activation.defaults),
    }


def breakpoints(activation: Activation) -> tuple[float, ...]:
    """Where f′ may not exist at the defaults: catalog kinks and branch boundaries."""
    values = activation.defaults
    points = {float(kink.at.subs(values)) for kink in activation.kinks}
    points |= {float(p) for p in boundaries(split(activation.at_defaults(), activation.variable))}
    return tuple(sorted(points))


def grid_for(activation: Activation, quantity: Quantity, grid: Array) -> Array:
    if quantity == "f":
        return grid
    kinks = np.array(breakpoints(activation))
    if kinks.size == 0:
        return grid
    return grid[np.all(np.abs(grid[:, None] - kinks[None, :]) > 0, axis=1)]


def case(
    activation: Activation,
    analysis: ElementwiseAnalysis,
    quantity: Quantity,
    grid: Array,
    memo: Memo,
) -> Case:
    """The exact values of one quantity on the grid (from ``memo`` when computed before)."""
    points = grid_for(activation, quantity, grid)
    expression = expressions(activation, analysis)[quantity]
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
    with warnings.catch_warnings(record=True) as caught, np.errstate(all="warn", under="ignore"):
        warnings.simplefilter("always")
        output = np.asarray(function(case.grid.astype(dtype)))
    values = output.astype(dtype).astype(np.float64)
    found = errors(values, case.grid, case.exact, dtype, zeros)
    return Outcome(found, tuple(sorted({str(w.message) for w in caught})))
