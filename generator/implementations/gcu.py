import numpy as np

from generator.implementations.kernels import sin_cos, two_prod, two_sum


def f(x):
    """x·cos(x) with cos as a pair good to ~57 bits, so only the product rounds; NaN at ±inf."""
    x = np.asarray(x)
    wide = np.where(np.isinf(x), np.nan, x.astype(np.float64))
    near = np.abs(wide) < 1e5  # beyond, plain NumPy: x·cos x is not near a cancellation there
    a = np.where(near, wide, 0.0)
    _, _, c, c_lo = sin_cos(a)
    p, p_lo = two_prod(a, c)
    y = np.where(near, p + (p_lo + a * c_lo), wide * np.cos(wide))
    return y.astype(np.float32) if x.dtype == np.float32 else y


def df(x):
    """cos x - x sin x with sin, cos as ~57-bit pairs, so cancelling near its zeros is harmless."""
    x = np.asarray(x)
    wide = np.where(np.isinf(x), np.nan, x.astype(np.float64))
    near = np.abs(wide) < 1e5  # beyond, plain NumPy (f′'s zeros hug those of sin there)
    a = np.where(near, wide, 0.0)
    s, s_lo, c, c_lo = sin_cos(a)
    p, p_lo = two_prod(a, s)
    t, t_lo = two_sum(c, -p)
    careful = t + (t_lo + c_lo - p_lo - a * s_lo)
    y = np.where(near, careful, np.cos(wide) - wide * np.sin(wide))
    return y.astype(np.float32) if x.dtype == np.float32 else y
