import numpy as np


def f(x):
    """x · min(max(x + 3, 0), 6)/6; x + 3 is exact near -3, where the product is small."""
    x = np.asarray(x)
    wide = x.astype(np.float64)
    middle = np.clip(wide, -3.0, 3.0)
    y = np.where(wide <= -3, 0.0, np.where(wide < 3, middle * (middle + 3) / 6, wide))
    return y.astype(np.float32) if x.dtype == np.float32 else y


def df(x):
    """0 for x <= -3, (2x + 3)/6 on (-3, 3), 1 from 3 on (PyTorch's values at the kinks)."""
    x = np.asarray(x)
    wide = x.astype(np.float64)
    middle = (2 * np.clip(wide, -3.0, 3.0) + 3) / 6
    y = np.where(wide <= -3, 0.0, np.where(wide < 3, middle, 1.0))
    y = np.where(np.isnan(wide), np.nan, y)
    return y.astype(np.float32) if x.dtype == np.float32 else y
