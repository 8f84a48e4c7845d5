import numpy as np


def f(x, b=4.0):
    """(x + √(x² + b))/2, root by hypot; x < 0 as (b/4)/f(−x): no cancelling."""
    x = np.asarray(x)
    s = np.hypot(x, b**0.5)
    p = s / 2 + np.abs(x) / 2  # f(|x|), halved first so that it cannot overflow
    return np.where(x < 0, b / 4 / p, p)


def df(x, b=4.0):
    """f(x)/√(x² + b); x ≥ 0 as 1 − f′(−x), which is ≥ 1/2: nothing cancels."""
    x = np.asarray(x)
    s = np.hypot(x, b**0.5)
    d = b / 4 / (s / 2 + np.abs(x) / 2) / s  # f′(−|x|) = f(−|x|)/s, in (0, 1/2]
    return np.where(x < 0, d, 1 - d)
