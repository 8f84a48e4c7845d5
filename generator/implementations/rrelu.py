import numpy as np


def f(x, lower=0.125, upper=0.3333333333333333):
    """Evaluation-mode RReLU: x for x >= 0, else the mean slope (lower + upper)/2 times x."""
    x = np.asarray(x)
    wide = x.astype(np.float64)
    slope = (lower + upper) / 2
    y = np.where(wide >= 0, wide, slope * np.minimum(wide, 0.0))
    return y.astype(np.float32) if x.dtype == np.float32 else y


def df(x, lower=0.125, upper=0.3333333333333333):
    """1 for x > 0, (lower + upper)/2 otherwise (PyTorch's value at the kink); NaN stays NaN."""
    x = np.asarray(x)
    wide = x.astype(np.float64)
    slope = (lower + upper) / 2
    y = np.where(np.isnan(wide), np.nan, np.where(wide > 0, 1.0, slope))
    return y.astype(np.float32) if x.dtype == np.float32 else y
