"""Error of computed values against a double-double reference, in units in the last place.

The ULP of a value is the gap between the two floats of the target type that bracket it
(``np.spacing`` of its magnitude). Errors are relative (ULP) where the exact value is a
normal number of the target type and the point is more than ``WINDOW`` from a zero of the
quantity away from x = 0; elsewhere the absolute error is reported instead, because near
an irrational zero no formula keeps relative accuracy (the problem itself is ill-conditioned).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

import numpy as np
import numpy.typing as npt

Array = npt.NDArray[np.float64]
Mask = npt.NDArray[np.bool_]
WINDOW: Final = 0.02


@dataclass(frozen=True)
class Errors:
    """Per-point errors on one grid, for one quantity in one floating-point type."""

    ulp: Array  # NaN where the point is measured by absolute error instead
    absolute: Array  # NaN where the point is measured in ULP
    grid: Array
    computed: Array
    exact: Array  # the correctly rounded exact value
    non_finite: int  # finite exact value, non-finite output
    wrong_special: int  # NaN where a number was due, or a number where NaN was due


@dataclass(frozen=True)
class Summary:
    max_ulp: float | None
    p99_ulp: float | None
    max_absolute: float | None  # in the windows around zeros and where the value is tiny
    points: int  # measured in ULP
    non_finite: int
    wrong_special: int
    # The point of the largest ULP error, what was computed there and the exact value: a
    # page can say what a huge figure means ("0 where f′ = 3.3e-17").
    worst_x: float | None = None
    worst_computed: float | None = None
    worst_exact: float | None = None


def relative_mask(grid: Array, exact: Array, dtype: type[np.floating], zeros: Array) -> Mask:
    """Where relative error is meaningful: normal exact values outside the zero windows."""
    hi = exact[0]
    tiny = float(np.finfo(dtype).tiny)
    largest = float(np.finfo(dtype).max)
    normal: Mask = np.isfinite(hi) & (np.abs(hi) >= tiny) & (np.abs(hi) <= largest)
    near = np.zeros(grid.shape, dtype=bool)
    for zero in zeros:
        near |= np.abs(grid - zero) <= WINDOW
    return normal & ~near


def errors(
    computed: Array,
    grid: Array,
    exact: Array,
    dtype: type[np.floating],
    zeros: Array | None = None,
) -> Errors:
    """``zeros``: where the quantity crosses 0 (default: found on this grid). A coarser grid
    measured against a finer one's zeros classifies every point the same way, so its errors
    are a subset of the finer grid's."""
    hi, lo = exact
    values = np.asarray(computed, dtype=np.float64)
    defined = ~np.isnan(hi)
    finite_exact = np.isfinite(hi) & (np.abs(hi) <= float(np.finfo(dtype).max))
    with np.errstate(all="ignore"):
        difference = np.abs((values - hi) - lo)
        difference[values == hi] = np.abs(lo[values == hi])  # also exact at ±inf
        gap = np.spacing(np.abs(hi).astype(dtype)).astype(np.float64)
        in_ulp = difference / gap
    relative = relative_mask(grid, exact, dtype, zeros_on(grid, exact) if zeros is None else zeros)
    ulp = np.where(relative, in_ulp, np.nan)
    absolute = np.where(defined & ~relative, difference, np.nan)
    non_finite = int(np.sum(finite_exact & ~np.isfinite(values)))
    wrong_special = int(np.sum(np.isnan(values) != ~defined))
    return Errors(ulp, absolute, grid, values, hi, non_finite, wrong_special)


def summarise(found: Errors) -> Summary:
    measured = ~np.isnan(found.ulp)
    ulp = found.ulp[measured]
    absolute = found.absolute[~np.isnan(found.absolute)]
    worst = int(np.argmax(np.where(measured, found.ulp, -1.0))) if ulp.size else None
    return Summary(
        max_ulp=float(np.max(ulp)) if ulp.size else None,
        p99_ulp=float(np.percentile(ulp, 99)) if ulp.size else None,
        max_absolute=float(np.max(absolute)) if absolute.size else None,
        points=int(ulp.size),
        non_finite=found.non_finite,
        wrong_special=found.wrong_special,
        worst_x=None if worst is None else float(found.grid[worst]),
        worst_computed=None if worst is None else float(found.computed[worst]),
        worst_exact=None if worst is None else float(found.exact[worst]),
    )


def zeros_on(grid: Array, exact: Array) -> Array:
    """Where the exact values change sign between neighbours, by linear interpolation.

    A crossing at x = 0 is left out: there f(x) ~ c·x^k keeps its relative accuracy.
    """
    hi = exact[0]
    sign = np.sign(hi)
    valid = np.isfinite(hi)
    change = valid[:-1] & valid[1:] & (sign[:-1] * sign[1:] < 0)
    left, right = grid[:-1][change], grid[1:][change]
    low, high = hi[:-1][change], hi[1:][change]
    zeros = left - low * (right - left) / (high - low)
    straddles_origin = (left < 0) & (right > 0) & (np.abs(zeros) <= WINDOW)
    found: Array = zeros[~straddles_origin]
    return found
