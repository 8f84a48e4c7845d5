import numpy as np

LARGE = 800.0  # beyond this e^-|x| is 0 in float64 and the limits hold exactly
LN2_HI = 0.6931471803691238  # ln 2 to 32 bits, so k * LN2_HI is exact
LN2_LO = 1.9082149292705877e-10  # ln 2 - LN2_HI
# x0 = -1 - W(1/e), the zero of 1 + x + e^x (and of silu'), as a sum of two doubles.
ROOT_HI = -1.2784645427610737
ROOT_LO = -1.0946994183093437e-16


def _exp(x):
    """e^x = 2^k (w + w_lo), x <= 0; expm1 of the reduced argument keeps w within an ULP."""
    k = np.rint(np.nan_to_num(x) / np.log(2))
    m = np.expm1((x - k * LN2_HI) - k * LN2_LO)
    w = 1 + m
    return k.astype(np.int64), w, m - (w - 1)


def _two_sum(a, b):
    s = a + b
    v = s - a
    return s, (a - (s - v)) + (b - v)


def _two_prod(a, b):
    """a * b as p + error, exactly (Dekker's splitting)."""
    p = a * b
    a1 = 134217729.0 * a
    a1 = a1 - (a1 - a)
    b1 = 134217729.0 * b
    b1 = b1 - (b1 - b)
    return p, ((a1 * b1 - p) + a1 * (b - b1) + (a - a1) * b1) + (a - a1) * (b - b1)


def _divide(n, n_lo, d, d_lo):
    """(n + n_lo) / (d + d_lo), rounded about once."""
    q = n / d
    p, p_lo = _two_prod(q, d)
    return q + (((n - p) - p_lo) + n_lo - q * d_lo) / d


def _parts(x):
    """The input, and -|x| in float64, clipped so no intermediate overflows."""
    x = np.asarray(x)
    wide = x.astype(np.float64)
    return x, wide, -np.minimum(np.abs(wide), LARGE)


def _done(y, x):
    return y.astype(np.float32) if x.dtype == np.float32 else y


def f(x):
    """x·σ(x) with e^-|x| = 2^k (w + w_lo) in two parts, the 2^k scale last so subnormals stay."""
    x, wide, a = _parts(x)
    k, w, w_lo = _exp(a)
    e, e_lo = np.ldexp(w, k), np.ldexp(w_lo, k)
    s, t = _two_sum(1.0, e)
    t = t + e_lo
    c = np.clip(wide, -LARGE, LARGE)
    # x >= 0: x / (1 + e).  x < 0: 2^k x (w + w_lo) / (1 + e).
    p, p_lo = _two_prod(c, w)
    left = np.ldexp(_divide(p, p_lo + c * w_lo, s, t), k)
    right = _divide(c, 0.0, s, t)
    y = np.where(wide >= 0, right, left)
    y = np.where(wide > LARGE, wide, np.where(wide < -LARGE, 0.0, y))
    return _done(y, x)


def df(x):
    """A ratio in e = e^-|x|, in double-double, with 1 + x + e^x expanded about its zero."""
    x, wide, a = _parts(x)
    k, w, w_lo = _exp(a)
    e, e_lo = np.ldexp(w, k), np.ldexp(w_lo, k)
    s, t = _two_sum(1.0, e)
    t = t + e_lo
    d, d_lo = _two_prod(s, s)
    d_lo = d_lo + 2 * s * t
    c = np.clip(wide, -LARGE, LARGE)
    # x >= 0: the numerator 1 + e(1 + x) is a sum of positive terms.
    u = e * (1 + c)
    top, top_lo = _two_sum(1.0, u)
    right = _divide(top, top_lo + e_lo * (1 + c), d, d_lo)
    # x < 0: 1 + x + e^x = z + e^x0 expm1(z) with z = x - x0, exact near the zero.
    z = (np.minimum(c, 0) - ROOT_HI) - ROOT_LO
    m = np.expm1(z)
    near, near_lo = _two_prod(-1 - ROOT_HI, m)
    near, lo = _two_sum(z, near)
    near_lo = near_lo + lo - ROOT_LO * m
    one, one_lo = _two_sum(1.0, c)
    far, lo = _two_sum(one, e)
    far_lo = one_lo + lo + e_lo
    away = (c > -0.6) | (c < -2.5)
    g, g_lo = np.where(away, far, near), np.where(away, far_lo, near_lo)
    p, p_lo = _two_prod(w, g)
    p_lo = p_lo + w_lo * g + w * g_lo
    left = np.ldexp(_divide(p, p_lo, d, d_lo), k)
    y = np.where(wide >= 0, right, left)
    y = np.where(wide > LARGE, 1.0, np.where(wide < -LARGE, 0.0, y))
    return _done(y, x)
