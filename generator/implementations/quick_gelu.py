import numpy as np

from generator.implementations.kernels import (
    dd_mul,
    narrow,
    silu_slope,
    widen,
    with_limits,
    x_sigmoid,
)

# The constant 1.702 as written, as a sum of two doubles: 1.702x is formed to twice precision.
BETA = 1.702
BETA_LO = 4.263256414560601e-17
LARGE = 800.0  # once |1.702x| exceeds this, e^-|1.702x| is 0 and the limits hold exactly


def _setup(x):
    """x, and 1.702x as u + u_lo to twice precision, x zeroed where |1.702x| > LARGE."""
    x, wide = widen(x)
    c = np.where((np.abs(BETA * wide) > LARGE) | np.isinf(wide), 0.0, wide)
    return x, wide, c, *dd_mul(BETA, BETA_LO, c, 0.0)


def f(x):
    """x·σ(1.702x) with 1.702x and e^-|1.702x| in two parts, the 2^k scale last for subnormals."""
    x, wide, c, u, u_lo = _setup(x)
    return narrow(with_limits(x_sigmoid(c, u, u_lo), BETA * wide, -LARGE, LARGE, 0.0, wide), x)


def df(x):
    """σ(u)(1 + uσ(-u)), u = 1.702x, a ratio in e^-|u| with 1 + u + e^u expanded about its zero."""
    x, wide, _, u, u_lo = _setup(x)
    return narrow(with_limits(silu_slope(u, u_lo), BETA * wide, -LARGE, LARGE, 0.0, 1.0), x)
