import numpy as np


def f(x):
    """The identity: the input itself, as a float array."""
    x = np.asarray(x)
    y = x.astype(np.float64)
    return y.astype(np.float32) if x.dtype == np.float32 else y


def df(x):
    """The slope of the identity: 1 everywhere (NaN stays NaN)."""
    x = np.asarray(x)
    wide = x.astype(np.float64)
    y = np.where(np.isnan(wide), np.nan, 1.0)
    return y.astype(np.float32) if x.dtype == np.float32 else y
