import numpy as np


def f(x, min_val=-1.0, max_val=1.0):
    """x clipped to [min_val, max_val]: comparisons only, exact; keeps NaN."""
    return np.clip(x, min_val, max_val)


def df(x, min_val=-1.0, max_val=1.0):
    """1 inside (min_val, max_val), 0 at both ends (as PyTorch) and outside."""
    x = np.asarray(x)
    return np.heaviside(x - min_val, 0.0) * np.heaviside(max_val - x, 0.0)
