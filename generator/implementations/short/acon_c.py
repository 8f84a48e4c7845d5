import numpy as np


def f(x, p1=1.0, p2=0.0, beta=1.0):
    """x·((p1 − p2)σ(u) + p2), u = β(p1 − p2)x, σ(u) from e = e^{−|u|} ≤ 1."""
    x = np.asarray(x)
    # σ is exactly 0 or 1 beyond
    u = np.clip(beta * (p1 - p2) * x, -800.0, 800.0)
    e = np.exp(-np.abs(u))
    slope = (p1 - p2) * np.where(u < 0, e, 1.0) / (1 + e) + p2
    # 0 where the slope is: no −inf·0
    return np.where(slope != 0, x, 0.0) * slope


def df(x, p1=1.0, p2=0.0, beta=1.0):
    """(p1 − p2)·SiLU′(u) + p2, u = β(p1 − p2)x, SiLU′ from e = e^{−|u|} ≤ 1."""
    x = np.asarray(x)
    u = np.clip(beta * (p1 - p2) * x, -800.0, 800.0)  # e^{−800} is 0
    e = np.exp(-np.abs(u))
    # u < 0: 1 + u + e keeps its digits near SiLU′'s zero (u ≈ −1.28);
    # 1 + u·σ(−u) would not
    top = np.where(u >= 0, 1 + e * (1 + u), e * (1 + u + e))
    return (p1 - p2) * top / (1 + e) ** 2 + p2
