import numpy as np


def f(x, alpha=1.0):
    """x for x ≥ 0, x/√(1 + αx²) below; x ≥ −1e18 in it: x² cannot overflow."""
    x = np.asarray(x)
    t = np.clip(x, -1e18, 0.0)  # below −1e18, f is −1/√α to the last bit
    return np.where(x >= 0, x, t / np.sqrt(1 + alpha * t * t))


def df(x, alpha=1.0):
    """1 for x ≥ 0, else (1 + αx²)^(−3/2) by np.hypot, which never squares x."""
    x = np.asarray(x)
    s = 1 / np.hypot(1.0, alpha**0.5 * np.minimum(x, 0.0))  # (1 + αx²)^(−1/2)
    return np.where(x >= 0, 1.0, s * s * s)
