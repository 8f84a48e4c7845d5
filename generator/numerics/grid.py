"""The fixed points where accuracy is measured: dense near 0, log-spaced in the tails."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

Array = npt.NDArray[np.float64]


def accuracy_grid(scale: int = 1) -> Array:
    """20,000 points over [−750, 750] (``scale`` = 1), or 20,000/``scale`` for quick tests.

    4k log-spaced |x| in [1e-20, 1), 8k uniform in [−10, 10] and 8k log-spaced |x| in
    [1, 750], both signs, sorted, duplicates removed. Every point is a float32 number, so
    one exact reference serves float64 and float32 alike.
    """
    small = np.logspace(-20, 0, 2000 // scale, endpoint=False)
    middle = np.linspace(-10.0, 10.0, 8000 // scale)
    tail = np.logspace(0, np.log10(750.0), 4000 // scale)
    points = np.concatenate([small, -small, middle, tail, -tail])
    return np.unique(points.astype(np.float32).astype(np.float64))


EXTREMES: tuple[float, ...] = (
    -np.inf,
    np.inf,
    -1e4,
    1e4,
    -0.0,
    0.0,
    5e-324,
    -5e-324,
    2.2250738585072014e-308,
    -1e-310,
)
"""Inputs every implementation must take without a warning or a non-finite output."""
