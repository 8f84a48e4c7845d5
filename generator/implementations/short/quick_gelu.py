import numpy as np
from scipy.special import expit


def f(x):
    """x·σ(1.702x), σ = scipy.special.expit; 0 where σ is 0, not −∞·0."""
    s = expit(1.702 * np.clip(x, -1e3, 1e3))
    return np.where(s > 0, x, 0.0) * s


def df(x):
    """σ(u)·(1 + u·σ(−u)), u = 1.702x, x clipped: u·σ(−u) is never ∞·0."""
    u = 1.702 * np.clip(x, -1e3, 1e3)
    return expit(u) * (1 + u * expit(-u))
