import numpy as np


def f(x):
    """x itself, as a float array (ints become float64); nothing is rounded."""
    return np.asarray(x) * 1.0


def df(x):
    """1 everywhere; NaN stays NaN."""
    return np.where(np.isnan(x), x, 1.0)
