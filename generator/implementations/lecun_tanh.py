import numpy as np

from generator.implementations.kernels import dd_divide, tanh_dd, two_prod, two_sum

A = 1.7159  # the scale, rounded to double ...
A_LO = 1.9184653865522706e-17  # ... and what the rounding dropped: 1.7159 = A + A_LO
K = 1.1439333333333332  # the slope at 0, 2 * 1.7159 / 3, rounded ...
K_LO = 8.680463755202558e-17  # ... and its remainder


def _thirds(y):
    """y / 3 as high + low: the division's rounding error is kept, not lost."""
    high = y / 3
    p, e = two_sum(high, 2 * high)  # 3 * high, exactly
    return high, ((y - p) - e) / 3


def f(x):
    """1.7159 tanh(2x/3), carried as double-double (argument, tanh and scale) and rounded once."""
    x = np.asarray(x)
    wide = x.astype(np.float64)
    th, tl = tanh_dd(*_thirds(2 * np.minimum(np.abs(wide), 100.0)))  # 1 in double beyond 55
    ph, pl = two_prod(A, th)
    y = np.sign(wide) * (ph + (pl + A * tl + A_LO * th))
    return y.astype(np.float32) if x.dtype == np.float32 else y


def df(x):
    """K sech^2(2x/3) = 4Ke/(1 + e)^2, e = e^{-4|x|/3} <= 1: no overflow; rounded once."""
    x = np.asarray(x)
    wide = x.astype(np.float64)
    zh, zl = _thirds(4 * np.minimum(np.abs(wide), 1e4))  # e = 0 long before 1e4
    e = np.exp(-zh)
    el = -zl * e
    sh, sl = two_sum(1.0, e)
    sl = sl + el
    qh, ql = two_prod(sh, sh)
    rh, rl = dd_divide(4 * e, 4 * el, qh, ql + 2 * sh * sl)
    ph, pl = two_prod(K, rh)
    y = ph + (pl + K * rl + K_LO * rh)
    return y.astype(np.float32) if x.dtype == np.float32 else y
