"""How closely a framework's float64 values and autograd gradients match the exact formula:
the grid, the parameter settings and the errors, shared by the tests (which assert the
catalog's tolerances) and ``make bench-agreement`` (which measures them).

The grid covers [−1000, 1000]: dense on [−10, 10], where activations live, every 0.1 on
10 < |x| ≤ 50 (where float64 gradients of x·σ(x) lose the most), log-spaced beyond, and
points next to every kink (the kinks themselves are left to the kink tests).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

import mpmath
import numpy as np
import numpy.typing as npt
import sympy as sp

from generator.analysis.pieces import boundaries, canonical, split
from generator.analysis.vector import components
from generator.records.catalog import VECTOR_NAMES, Activation
from generator.records.frameworks import FrameworkEntry, Tolerance

Array = npt.NDArray[np.float64]
_MIDDLE: Final = np.linspace(-10.0, 10.0, 2001)
_NEAR_TAIL: Final = np.linspace(10.0, 50.0, 401)
_FAR_TAIL: Final = np.geomspace(50.0, 1000.0, 200)
BASE_GRID: Final = np.unique(
    np.concatenate([_MIDDLE, _NEAR_TAIL, -_NEAR_TAIL, _FAR_TAIL, -_FAR_TAIL])
)
SETTINGS: Final = ("defaults", "other-1", "other-2")
DIGITS: Final = 40


def settings(activation: Activation, entry: FrameworkEntry) -> tuple[str, ...]:
    """Our defaults, and two other parameter settings where the framework takes them all."""
    if not activation.parameters or not entry.takes_every_parameter:
        return SETTINGS[:1]
    return SETTINGS


def parameter_values(activation: Activation, setting: str) -> dict[sp.Symbol, sp.Rational]:
    values = dict(activation.defaults)
    if setting == "defaults":
        return values
    factor = sp.Rational(3) if setting == "other-1" else sp.Rational(1, 7)
    return {symbol: default * factor for symbol, default in values.items()}


def kinks_at(activation: Activation, values: dict[sp.Symbol, sp.Rational]) -> tuple[float, ...]:
    """Where the formula switches branch at these parameter values, kinks included."""
    points = {float(kink.at.subs(values)) for kink in activation.kinks}
    points |= {
        float(p) for p in boundaries(split(activation.expression.subs(values), activation.variable))
    }
    return tuple(sorted(points))


def grid(activation: Activation, values: dict[sp.Symbol, sp.Rational]) -> Array:
    """The base grid plus points just either side of every kink (the kinks themselves out)."""
    kinks = kinks_at(activation, values)
    near = [k + side * step for k in kinks for side in (-1, 1) for step in (1e-9, 1e-6, 1e-3)]
    points = np.unique(np.concatenate([BASE_GRID, np.array(near, dtype=np.float64)]))
    keep = [all(abs(p - k) > 1e-12 for k in kinks) for p in points]
    selected: Array = points[keep]
    return selected


def intended(
    activation: Activation, framework: str, values: dict[sp.Symbol, sp.Rational], points: Array
) -> npt.NDArray[np.bool_]:
    """Where the framework means to compute the formula: everywhere, except where it departs
    on purpose (PyTorch's Softplus returns x itself where βx > 20, named on its page and
    checked by a test of its own)."""
    if (activation.id, framework) == ("softplus", "pytorch"):
        beta = float(values[activation.parameters[0].symbol])
        return np.asarray(beta * points <= 20)
    return np.ones(points.shape, dtype=bool)


def exact(expression: sp.Expr, x: sp.Symbol, points: Array) -> Array:
    """The formula at 40 digits, rounded once to float64."""
    function: Callable[[mpmath.mpf], object] = sp.lambdify(
        x, canonical(expression), modules="mpmath"
    )
    with mpmath.workdps(DIGITS):
        return np.array([float(mpmath.mpf(function(mpmath.mpf(float(p))))) for p in points])


def vectors(dimension: int = 5) -> Array:
    """Random score vectors, the first scaled so far apart that a naive exp overflows."""
    found: Array = np.random.default_rng(3).normal(scale=4, size=(20, dimension))
    found[0] *= 200
    return found


def exact_vector(activation: Activation, points: Array) -> tuple[Array, Array]:
    """A vector activation at its defaults on each row, and its Jacobian, at 40 digits."""
    dimension = points.shape[1]
    outputs = components(activation.at_defaults(), dimension)
    inputs = [VECTOR_NAMES["x"][k] for k in range(1, dimension + 1)]
    jacobian = [[sp.diff(output, x) for x in inputs] for output in outputs]
    formula = sp.lambdify([inputs], outputs, modules="mpmath")
    derivative = sp.lambdify([inputs], jacobian, modules="mpmath")
    with mpmath.workdps(DIGITS):
        values = np.array([[float(v) for v in formula(list(row))] for row in points])
        slopes = np.array(
            [[[float(v) for v in line] for line in derivative(list(row))] for row in points]
        )
    return values, slopes


@dataclass(frozen=True)
class Errors:
    """The largest errors of f and f′ on the grid, split where |exact| < 1 (measured
    absolutely) and |exact| ≥ 1 (measured relatively)."""

    f_absolute: float
    f_relative: float
    df_absolute: float
    df_relative: float

    def fitted(self) -> Tolerance:
        """The smallest two-significant-digit bounds that these errors satisfy."""
        return Tolerance(
            f_relative=_round_up(self.f_relative),
            f_absolute=_round_up(self.f_absolute),
            df_relative=_round_up(self.df_relative),
            df_absolute=_round_up(self.df_absolute),
        )

    def worst(self, other: Errors) -> Errors:
        return Errors(
            max(self.f_absolute, other.f_absolute),
            max(self.f_relative, other.f_relative),
            max(self.df_absolute, other.df_absolute),
            max(self.df_relative, other.df_relative),
        )


def split_errors(got: Array, expected: Array) -> tuple[float, float]:
    """(absolute error where |exact| < 1, relative error where |exact| ≥ 1); a NaN or an
    infinity where the exact value is finite counts as an infinite error."""
    with np.errstate(invalid="ignore"):
        difference = np.abs(got - expected)
    difference[~np.isfinite(got)] = np.inf
    difference[got == expected] = 0.0  # an overflow to ∞ where the exact value overflows too
    small = np.abs(expected) < 1
    absolute = float(difference[small].max(initial=0.0))
    relative = float((difference[~small] / np.abs(expected[~small])).max(initial=0.0))
    return absolute, relative


def errors(found: tuple[Array, Array], expected: tuple[Array, Array]) -> Errors:
    f_absolute, f_relative = split_errors(found[0], expected[0])
    df_absolute, df_relative = split_errors(found[1], expected[1])
    return Errors(f_absolute, f_relative, df_absolute, df_relative)


def within(found: tuple[Array, Array], expected: tuple[Array, Array], bound: Tolerance) -> bool:
    """The tests' check: |found − exact| ≤ absolute + relative·|exact| for f and for f′."""
    checks = (
        (found[0], expected[0], bound.f_absolute, bound.f_relative),
        (found[1], expected[1], bound.df_absolute, bound.df_relative),
    )
    for got, exact, absolute, relative in checks:
        with np.errstate(invalid="ignore"):
            ok = (got == exact) | (np.abs(got - exact) <= absolute + relative * np.abs(exact))
        if not np.all(ok):
            return False
    return True


def _round_up(value: float) -> float:
    if value == 0 or not math.isfinite(value):
        return value
    exponent = math.floor(math.log10(value)) - 1
    scaled = math.ceil(value / 10.0**exponent)
    while float(f"{scaled}e{exponent}") < value:  # the division may round down
        scaled += 1
    return float(f"{scaled}e{exponent}")
