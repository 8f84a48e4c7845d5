import numpy as np


def f(x):
    """max(x, 0)²; past √max the square rounds to inf, which is no error."""
    r = np.maximum(x, 0.0)
    with np.errstate(over="ignore"):
        return r * r


def df(x):
    """2·max(x, 0), exact; past max/2 it rounds to inf, which is no error."""
    with np.errstate(over="ignore"):
        return 2 * np.maximum(x, 0.0)
