import numpy as np


def f(x, alpha=1.0):
    """x for x > 0, alpha (e^{x/alpha} - 1) otherwise; expm1 keeps accuracy near 0, no overflow."""
    x = np.asarray(x)
    wide = x.astype(np.float64)
    y = np.where(wide > 0, wide, alpha * np.expm1(np.minimum(wide, 0.0) / alpha))
    return y.astype(np.float32) if x.dtype == np.float32 else y


def df(x, alpha=1.0):
    """1 for x >= 0, e^{x/alpha} below; exp only of min(x, 0)/alpha, so it never overflows."""
    x = np.asarray(x)
    wide = x.astype(np.float64)
    y = np.where(wide >= 0, 1.0, np.exp(np.minimum(wide, 0.0) / alpha))
    return y.astype(np.float32) if x.dtype == np.float32 else y
