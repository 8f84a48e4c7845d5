import numpy as np


def f(x, lambd=0.5):
    """x where x > lambd or x < -lambd, else 0; only selects, so it is exact."""
    x = np.asarray(x)
    wide = x.astype(np.float64)
    y = np.where(wide > lambd, wide, np.where(wide >= -lambd, 0.0, wide))
    return y.astype(np.float32) if x.dtype == np.float32 else y


def df(x, lambd=0.5):
    """1 where |x| passes the threshold, 0 inside and at +-lambd (as PyTorch); exact."""
    x = np.asarray(x)
    wide = x.astype(np.float64)
    y = np.where((wide > lambd) | (wide < -lambd), 1.0, 0.0)
    y = np.where(np.isnan(wide), wide, y)
    return y.astype(np.float32) if x.dtype == np.float32 else y
