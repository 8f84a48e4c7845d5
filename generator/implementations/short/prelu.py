import numpy as np


def f(x, init=0.25):
    """max(x, 0) + init·min(x, 0): one term is 0, so one rounding at most."""
    return np.maximum(x, 0.0) + init * np.minimum(x, 0.0)


def df(x, init=0.25):
    """1 for x > 0, init for x ≤ 0 (PyTorch's value at the kink); keeps NaN."""
    h = np.heaviside(x, 0.0)
    return h + init * (1 - h)
