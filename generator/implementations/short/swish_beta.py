import numpy as np
from scipy.special import expit  # σ, which never overflows


def f(x, beta=1.0):
    """x·σ(βx), σ = scipy.special.expit; 0 where σ is 0: f(−inf) = 0, no NaN."""
    x = np.asarray(x)
    p = expit(beta * x)
    return np.where(p > 0, x, 0.0) * p


def df(x, beta=1.0):
    """σ(u)(1 + u·σ(−u)), u = βx clipped to ±1000 (σ is 0 or 1): no inf·0."""
    u = np.clip(beta * np.asarray(x), -1000.0, 1000.0)
    return expit(u) * (1 + u * expit(-u))
