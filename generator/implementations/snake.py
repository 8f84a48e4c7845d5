import numpy as np

from generator.implementations.kernels import sin_cos, two_prod, two_sum


def f(x, alpha=1.0):
    """x + sin²(αx)/α with sin as a ~57-bit pair, so x + sin² cancels harmlessly (x < 0)."""
    x = np.asarray(x)
    wide = x.astype(np.float64)
    near = np.abs(alpha * wide) < 1e5  # beyond, sin²/α is far below x's last digit
    a = np.where(near, wide, 0.0)
    s, s_lo, _, _ = sin_cos(alpha * a)
    square, square_lo = two_prod(s, s)
    t, t_lo = two_sum(a, square / alpha)
    careful = t + (t_lo + (square_lo + 2 * s * s_lo) / alpha)
    far = np.sin(alpha * np.where(near | np.isinf(wide), 0.0, wide)) ** 2 / alpha + wide
    y = np.where(near, careful, far)
    return y.astype(np.float32) if x.dtype == np.float32 else y


def df(x, alpha=1.0):
    """1 + sin(2αx) with sin as a ~57-bit pair, so double zeros keep their digits; NaN at ±inf."""
    x = np.asarray(x)
    u = alpha * np.where(np.isinf(x), np.nan, x.astype(np.float64))
    near = np.abs(u) < 5e4
    s, s_lo, _, _ = sin_cos(2 * np.where(near, u, 0.0))
    t, t_lo = two_sum(1.0, s)
    y = np.where(near, t + (t_lo + s_lo), 1 + 2 * np.sin(u) * np.cos(u))  # no 2αx overflow
    return y.astype(np.float32) if x.dtype == np.float32 else y
