import numpy as np


def f(x, min_val=-1.0, max_val=1.0):
    """x clipped to [min_val, max_val]; np.clip keeps NaN as NaN."""
    x = np.asarray(x)
    y = np.clip(x.astype(np.float64), min_val, max_val)
    return y.astype(np.float32) if x.dtype == np.float32 else y


def df(x, min_val=-1.0, max_val=1.0):
    """1 strictly inside (min_val, max_val), else 0 (0 at both kinks, as PyTorch returns)."""
    x = np.asarray(x)
    wide = x.astype(np.float64)
    inside = (wide > min_val) & (wide < max_val)
    y = np.where(np.isnan(wide), np.nan, np.where(inside, 1.0, 0.0))
    return y.astype(np.float32) if x.dtype == np.float32 else y
