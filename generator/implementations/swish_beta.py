import numpy as np

from generator.implementations.kernels import (
    narrow,
    silu_slope,
    two_prod,
    widen,
    with_limits,
    x_sigmoid,
)

LARGE = 800.0  # once |beta x| exceeds this, e^-|beta x| is 0 and the limits hold exactly


def _setup(x, beta):
    """x and beta x in float64; x zeroed where |beta x| > LARGE; u = beta x exactly as u + u_lo."""
    x, wide = widen(x)
    with np.errstate(invalid="ignore"):  # 0 * inf, only when beta = 0; patched by the caller
        big = beta * wide
    c = np.where((np.abs(big) > LARGE) | np.isinf(wide), 0.0, wide)
    return x, wide, big, c, *two_prod(np.float64(beta), c)


def f(x, beta=1.0):
    """x·σ(βx) with βx and e^-|βx| carried in two parts, the 2^k scale last so subnormals stay."""
    x, wide, big, c, u, u_lo = _setup(x, beta)
    y = with_limits(x_sigmoid(c, u, u_lo), big, -LARGE, LARGE, 0.0, wide)
    y = np.where(np.isnan(big) & ~np.isnan(wide), wide / 2, y)  # beta = 0 at x = ±inf
    return narrow(y, x)


def df(x, beta=1.0):
    """σ(u)(1 + uσ(-u)), u = βx, a ratio in e^-|u| with 1 + u + e^u expanded about its zero."""
    x, wide, big, _, u, u_lo = _setup(x, beta)
    y = with_limits(silu_slope(u, u_lo), big, -LARGE, LARGE, 0.0, 1.0)
    return narrow(np.where(np.isnan(big) & ~np.isnan(wide), 0.5, y), x)
