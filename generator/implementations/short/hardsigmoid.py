import numpy as np


def f(x):
    """(x + 3)/6 clipped to [0, 1]; x + 3 is exact near −3: no cancellation."""
    x = np.asarray(x)
    return np.clip((x + 3) / 6, 0.0, 1.0)


def df(x):
    """1/6 inside (−3, 3), 0 at ±3 (as PyTorch) and outside; NaN stays NaN."""
    return np.heaviside(3 - np.abs(x), 0.0) / 6
