import numpy as np


def f(x):
    """x·tanh(log(1 + σ)) = xp/(p + 2), p = σ(σ + 2): no log, tanh, overflow."""
    x = np.asarray(x)
    # σ(x) = e/(1 + e) or 1/(1 + e), kept even where subnormal
    e = np.exp(-np.abs(x))
    s = np.where(x < 0, e, 1.0) / (1 + e)
    p = s * (s + 2)
    return np.where(s > 0, x, 0.0) * (p / (p + 2))


def df(x):
    """p/(p + 2) + 4x(1 + σ)σ(x)σ(−x)/(p + 2)², p = σ(σ + 2), x clipped."""
    t = np.clip(x, -800.0, 800.0)  # σ(±t) is exactly 0 or 1 beyond
    e = np.exp(-np.abs(t))
    # σ(±x)
    s, r = np.where(t < 0, e, 1.0) / (1 + e), np.where(t < 0, 1.0, e) / (1 + e)
    p = s * (s + 2)
    return p / (p + 2) + t * 4 * (1 + s) * s * r / (p + 2) ** 2
