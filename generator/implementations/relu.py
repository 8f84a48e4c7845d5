import numpy as np


def f(x):
    """max(x, 0); np.maximum keeps NaN as NaN."""
    x = np.asarray(x)
    y = np.maximum(x.astype(np.float64), 0.0)
    return y.astype(np.float32) if x.dtype == np.float32 else y


def df(x):
    """1 for x > 0, else 0 (0 at the kink, as PyTorch returns); NaN stays NaN."""
    x = np.asarray(x)
    wide = x.astype(np.float64)
    y = np.where(np.isnan(wide), np.nan, np.where(wide > 0, 1.0, 0.0))
    return y.astype(np.float32) if x.dtype == np.float32 else y
