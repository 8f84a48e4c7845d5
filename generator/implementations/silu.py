import numpy as np

from generator.implementations.kernels import narrow, silu_slope, widen, with_limits, x_sigmoid

LARGE = 800.0  # beyond this e^-|x| is 0 in float64 and the limits hold exactly


def f(x):
    """x·σ(x) with e^-|x| = 2^k (w + w_lo) in two parts, the 2^k scale last so subnormals stay."""
    x, wide = widen(x)
    c = np.clip(wide, -LARGE, LARGE)
    return narrow(with_limits(x_sigmoid(c, c, 0.0), wide, -LARGE, LARGE, 0.0, wide), x)


def df(x):
    """A ratio in e = e^-|x|, in double-double, with 1 + x + e^x expanded about its zero."""
    x, wide = widen(x)
    c = np.clip(wide, -LARGE, LARGE)
    return narrow(with_limits(silu_slope(c, 0.0), wide, -LARGE, LARGE, 0.0, 1.0), x)
