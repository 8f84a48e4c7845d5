import numpy as np


def f(x, beta=1.0):
    """log(1 + e^{βx})/β as max(βx, 0) + log1p(e^{-|βx|}): no overflow, log1p keeps the tail."""
    x = np.asarray(x)
    z = beta * x.astype(np.float64)
    y = (np.maximum(z, 0.0) + np.log1p(np.exp(-np.abs(z)))) / beta
    return y.astype(np.float32) if x.dtype == np.float32 else y


def df(x, beta=1.0):
    """σ(βx) from e = e^{-|βx|} (no overflow), dividing by 1 + e with its rounding error kept."""
    x = np.asarray(x)
    z = beta * x.astype(np.float64)
    e = np.exp(-np.abs(z))
    d = 1 + e
    d_lo = (1 - d) + e  # the exact rounding error of 1 + e
    q = np.where(z >= 0, 1.0, e) / d
    y = q - q * (d_lo / d)
    return y.astype(np.float32) if x.dtype == np.float32 else y
