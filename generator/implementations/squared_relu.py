import numpy as np


def f(x):
    """max(x, 0)^2, one rounded product; above ~1.3e154 the true value exceeds float64, so inf."""
    x = np.asarray(x)
    r = np.maximum(x.astype(np.float64), 0.0)
    with np.errstate(over="ignore"):  # overflow to inf is the correctly rounded result
        y = r * r
        return y.astype(np.float32) if x.dtype == np.float32 else y


def df(x):
    """2 max(x, 0), exact in binary floating point."""
    x = np.asarray(x)
    with np.errstate(over="ignore"):  # beyond float's range the rounded value is inf
        y = 2 * np.maximum(x.astype(np.float64), 0.0)
        return y.astype(np.float32) if x.dtype == np.float32 else y
