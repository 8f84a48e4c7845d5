import numpy as np


def f(x):
    """(x + 3)/6 clipped to [0, 1]; x + 3 is exact near -3, so there is no cancellation."""
    x = np.asarray(x)
    y = np.clip((x.astype(np.float64) + 3) / 6, 0.0, 1.0)
    return y.astype(np.float32) if x.dtype == np.float32 else y


def df(x):
    """1/6 strictly inside (-3, 3), 0 outside and at +-3 (as PyTorch); exact, NaN passes through."""
    x = np.asarray(x)
    wide = x.astype(np.float64)
    y = np.where(np.abs(wide) < 3, 1 / 6, 0.0)
    y = np.where(np.isnan(wide), wide, y)
    return y.astype(np.float32) if x.dtype == np.float32 else y
