import numpy as np


def f(x):
    """|x|; exact in every floating-point format, so there is nothing to lose."""
    x = np.asarray(x)
    y = np.abs(x.astype(np.float64))
    return y.astype(np.float32) if x.dtype == np.float32 else y


def df(x):
    """sign(x): exact; 0 at 0, the minimum-norm subgradient that torch.abs also returns."""
    x = np.asarray(x)
    y = np.sign(x.astype(np.float64))
    return y.astype(np.float32) if x.dtype == np.float32 else y
