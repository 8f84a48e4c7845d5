import numpy as np

from generator.implementations.kernels import dd_divide, factorial, sin_cos, two_prod, two_sum


def f(x):
    """Unnormalised sin(x)/x, sin as a ~57-bit pair, divided with exact remainder."""
    x = np.asarray(x)
    wide = x.astype(np.float64)
    near = (np.abs(wide) < 1e5) & (wide != 0)
    a = np.where(near, wide, 1.0)
    s, s_lo, _, _ = sin_cos(a)
    q, q_lo = dd_divide(s, s_lo, a, 0.0)
    big = np.where(near | (wide == 0) | np.isinf(wide), 1.0, wide)
    far = np.sin(big) / big
    y = np.where(near, q + q_lo, np.where(wide == 0, 1.0, np.where(np.isinf(wide), 0.0, far)))
    return y.astype(np.float32) if x.dtype == np.float32 else y


def df(x):
    """(x cos x - sin x)/x²: a series for |x| < 2, else sin, cos as ~57-bit pairs (no loss)."""
    x = np.asarray(x)
    wide = x.astype(np.float64)
    small = np.abs(wide) < 2
    near = (np.abs(wide) < 1e5) & ~small
    a = np.where(near, wide, 2.0)
    s, s_lo, c, c_lo = sin_cos(a)
    p, p_lo = two_prod(a, c)
    t, t_lo = two_sum(p, -s)
    q, q_lo = dd_divide(t, t_lo + p_lo + a * c_lo - s_lo, a, 0.0)
    q, q_lo = dd_divide(q, q_lo, a, 0.0)
    big = np.where(near | small | np.isinf(wide), 2.0, wide)
    far = (np.cos(big) - np.sin(big) / big) / big
    y = np.where(small, _series(wide), np.where(near, q + q_lo, np.where(np.isinf(wide), 0.0, far)))
    return y.astype(np.float32) if x.dtype == np.float32 else y


def _series(x):
    """Σ_{n>=1} (-1)^n 2n/(2n+1)! x^{2n-1}, by Horner in x²; 15 terms reach 1e-17 at |x| = 2."""
    s = np.clip(x, -2.0, 2.0)
    u = s * s
    total = np.zeros_like(u)
    for n in range(15, 0, -1):
        total = total * u + (-1) ** n * 2 * n / factorial(2 * n + 1)
    return total * s
