import numpy as np


def f(x):
    """Logistic sigmoid that never overflows: exp is only taken of -|x|."""
    x = np.asarray(x, dtype=np.float64)
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1 / (1 + e), e / (1 + e))


def df(x):
    """sigma'(x) = e^{-|x|} / (1 + e^{-|x|})^2: even in x, no overflow, no 0 * inf."""
    x = np.asarray(x, dtype=np.float64)
    e = np.exp(-np.abs(x))
    return e / (1 + e) ** 2
