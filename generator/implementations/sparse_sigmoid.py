import numpy as np


def f(x):
    """(x + 1)/2 clipped to [0, 1]; halving is exact, so only x + 1 rounds (0.5 ULP)."""
    x = np.asarray(x)
    y = np.clip((x.astype(np.float64) + 1) / 2, 0.0, 1.0)
    return y.astype(np.float32) if x.dtype == np.float32 else y


def df(x):
    """1/2 on [-1, 1), 0 elsewhere (right-hand slopes at the corners); exact, NaN passes through."""
    x = np.asarray(x)
    wide = x.astype(np.float64)
    y = np.where((wide >= -1) & (wide < 1), 0.5, 0.0)
    y = np.where(np.isnan(wide), wide, y)
    return y.astype(np.float32) if x.dtype == np.float32 else y
