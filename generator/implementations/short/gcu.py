import numpy as np


def f(x):
    """x·cos x; ±inf (no limit there) becomes NaN first, so cos never warns."""
    x = np.where(np.isinf(x), np.nan, x)
    return x * np.cos(x)


def df(x):
    """cos x − x·sin x; ±inf (no limit there) becomes NaN first: no warning."""
    x = np.where(np.isinf(x), np.nan, x)
    return np.cos(x) - x * np.sin(x)
