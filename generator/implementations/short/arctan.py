import numpy as np


def f(x):
    """arctan x from the C library: tends to ±π/2 without overflow."""
    return np.arctan(x)


def df(x):
    """1/(1 + x²) as (1/hypot(1, x))²: x² is never formed, so no overflow."""
    return (1 / np.hypot(1.0, x)) ** 2
