import numpy as np

from generator.implementations.kernels import (
    narrow,
    silu_slope,
    two_prod,
    widen,
    with_limits,
    x_sigmoid,
)

LARGE = 800.0  # once |β(p1 - p2)x| exceeds this, σ of it is 0 or 1 to the last bit


def _setup(x, p1, p2, beta):
    """x; z = β(p1 - p2)x rounded; x zeroed where |z| > LARGE; z exactly as u + u_lo there."""
    x, wide = widen(x)
    k = beta * (p1 - p2)
    with np.errstate(invalid="ignore"):  # 0·inf, only when k = 0: the limits are put apart
        z = k * wide
    c = np.where((np.abs(z) > LARGE) | np.isinf(wide), 0.0, np.clip(wide, -1e300, 1e300))
    return x, wide, k, z, c, *two_prod(k, c)


def f(x, p1=1.0, p2=0.0, beta=1.0):
    """(p1 - p2)·x·σ(β(p1 - p2)x) + p2·x, x·σ(u) formed from u and e^-|u| as exact pairs."""
    x, wide, k, z, c, u, u_lo = _setup(x, p1, p2, beta)
    y = (p1 - p2) * x_sigmoid(c, u, u_lo) + p2 * c
    # f = slope·x where σ is 0, 1 or 1/2 throughout: far out, and everywhere when k = 0.
    rising = (wide > 0) == (k > 0)
    slope = np.where(k == 0, (p1 + p2) / 2, np.where(rising, p1, p2))
    with np.errstate(invalid="ignore"):  # 0·inf, discarded where the slope is 0
        linear = np.where(slope == 0, 0.0, slope * wide)
    return narrow(np.where((np.abs(z) > LARGE) | np.isinf(wide) | (k == 0), linear, y), x)


def df(x, p1=1.0, p2=0.0, beta=1.0):
    """(p1 - p2)·s(β(p1 - p2)x) + p2 with SiLU's slope s formed in exact pairs."""
    x, _, _, z, _, u, u_lo = _setup(x, p1, p2, beta)
    return narrow((p1 - p2) * with_limits(silu_slope(u, u_lo), z, -LARGE, LARGE, 0.0, 1.0) + p2, x)
