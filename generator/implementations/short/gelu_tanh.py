import numpy as np
from scipy.special import expit

SCALE = 1.5957691216057308  # 2√(2/π), a Python float so float32 stays float32


def f(x):
    """x/2·(1 + tanh u) = x·σ(2u), σ = expit, so 1 + tanh u never cancels."""
    t = np.clip(x, -30.0, 30.0)  # beyond ±30, σ(2u) is exactly 0 or 1
    p = expit(SCALE * (t + 0.044715 * t * t * t))
    return np.where(p > 0, x, 0.0) * p


def df(x):
    """σ(2u)·(1 + x·2u′·σ(−2u)), σ = expit; x clipped to ±30 (f′ is 0 or 1)."""
    t = np.clip(x, -30.0, 30.0)
    v = SCALE * (t + 0.044715 * t * t * t)
    return expit(v) * (1 + t * SCALE * (1 + 0.134145 * t * t) * expit(-v))
