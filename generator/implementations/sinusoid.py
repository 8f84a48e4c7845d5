import numpy as np


def f(x):
    """sin(x) from NumPy (exact argument reduction); NaN at ±inf, where sin has no limit."""
    x = np.asarray(x)
    wide = x.astype(np.float64)
    y = np.sin(np.where(np.isinf(wide), np.nan, wide))
    return y.astype(np.float32) if x.dtype == np.float32 else y


def df(x):
    """cos(x) from NumPy (exact argument reduction); NaN at ±inf, where cos has no limit."""
    x = np.asarray(x)
    wide = x.astype(np.float64)
    y = np.cos(np.where(np.isinf(wide), np.nan, wide))
    return y.astype(np.float32) if x.dtype == np.float32 else y
