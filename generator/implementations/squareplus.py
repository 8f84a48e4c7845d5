import numpy as np

from generator.implementations.kernels import two_prod, two_sum


def f(x, b=4.0):
    """(x + √(x²+b))/2, or b/(2(√(x²+b) - x)) for x < 0 (no cancellation); the root as a pair."""
    x = np.asarray(x)
    wide = x.astype(np.float64)
    near = np.abs(wide) < 1e150  # beyond, x² would overflow; hypot is plenty there
    a = np.where(near, wide, 0.0)
    m = np.abs(a)
    s, s_lo = _root(a, b)
    t, t_lo = two_sum(s, m)
    q = (b / 2) / t
    careful = np.where(a < 0, q - q * ((t_lo + s_lo) / t), (t + (t_lo + s_lo)) / 2)
    s_far = np.hypot(wide, np.sqrt(b))
    far = np.where(
        wide < 0,
        (b / 4) / (s_far / 2 - np.minimum(wide, 0.0) / 2),
        np.maximum(wide, 0.0) / 2 + s_far / 2,
    )
    y = np.where(near, careful, far)
    return y.astype(np.float32) if x.dtype == np.float32 else y


def df(x, b=4.0):
    """(1 + x/√(x²+b))/2, or b/(2(x² + b + |x|√(x²+b))) for x < 0 (no cancellation), in pairs."""
    x = np.asarray(x)
    wide = x.astype(np.float64)
    near = np.abs(wide) < 1e150
    a = np.where(near, wide, 0.0)
    m = np.abs(a)
    s, s_lo = _root(a, b)
    square, square_lo = two_prod(a, a)
    w, w_lo = two_sum(square, b)
    p, p_lo = two_prod(m, s)
    d, d_lo = two_sum(w, p)
    d_lo += w_lo + square_lo + p_lo + m * s_lo
    q = (b / 2) / d
    negative = q - q * (d_lo / d)
    r = a / s
    positive = (1 + (r - r * (s_lo / s))) / 2
    careful = np.where(a < 0, negative, positive)
    big = np.where(near, 1.0, wide)
    far = np.where(big > 0, 1.0, (b / 4) / big / big)  # b/(4x²) is exact to rounding there
    y = np.where(near, careful, far)
    return y.astype(np.float32) if x.dtype == np.float32 else y


def _root(x, b):
    """√(x² + b) as a pair: the rounded root and a Newton correction from the exact residual."""
    square, square_lo = two_prod(x, x)
    w, w_lo = two_sum(square, b)
    s = np.sqrt(w)
    s2, s2_lo = two_prod(s, s)
    return s, ((w - s2) + (w_lo + square_lo - s2_lo)) / (2 * s)
