import numpy as np

# The constant 1.702 as written, as a sum of two doubles: 1.702x is formed to twice precision.
BETA = 1.702
BETA_LO = 4.263256414560601e-17
LARGE = 800.0  # once |1.702x| exceeds this, e^-|1.702x| is 0 and the limits hold exactly
LN2_HI = 0.6931471803691238  # ln 2 to 32 bits, so k * LN2_HI is exact
LN2_LO = 1.9082149292705877e-10  # ln 2 - LN2_HI
# u0 = -1 - W(1/e), the zero of 1 + u + e^u (and of swish'), as a sum of two doubles.
ROOT_HI = -1.2784645427610737
ROOT_LO = -1.0946994183093437e-16


def _exp(a, a_lo):
    """e^(a + a_lo) = 2^k (w + w_lo); expm1 of the reduced argument keeps w within an ULP."""
    k = np.rint(np.nan_to_num(a) / np.log(2))
    m = np.expm1(((a - k * LN2_HI) + a_lo) - k * LN2_LO)
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


def _setup(x):
    """x and 1.702x in float64; x zeroed where |1.702x| > LARGE; u = 1.702x as u + u_lo."""
    x = np.asarray(x)
    wide = x.astype(np.float64)
    big = BETA * wide
    c = np.where((np.abs(big) > LARGE) | np.isinf(wide), 0.0, wide)
    u, u_lo = _two_prod(BETA, c)
    return x, wide, big, c, u, u_lo + BETA_LO * c


def _done(y, x):
    return y.astype(np.float32) if x.dtype == np.float32 else y


def _terms(u, u_lo):
    """e = e^-|u| as e + e_lo (and scaled, 2^k (w + w_lo)), and 1 + e as s + t."""
    neg = u < 0
    k, w, w_lo = _exp(-np.abs(u), np.where(neg, u_lo, -u_lo))
    e, e_lo = np.ldexp(w, k), np.ldexp(w_lo, k)
    s, t = _two_sum(1.0, e)
    return neg, k, w, w_lo, e, e_lo, s, t + e_lo


def f(x):
    """x·σ(1.702x) with 1.702x and e^-|1.702x| in two parts, the 2^k scale last for subnormals."""
    x, wide, big, c, u, u_lo = _setup(x)
    neg, k, w, w_lo, _, _, s, t = _terms(u, u_lo)
    # u >= 0: x / (1 + e).  u < 0: 2^k x (w + w_lo) / (1 + e).
    p, p_lo = _two_prod(c, w)
    left = np.ldexp(_divide(p, p_lo + c * w_lo, s, t), k)
    right = _divide(c, 0.0, s, t)
    y = np.where(neg, left, right)
    y = np.where(big > LARGE, wide, np.where(big < -LARGE, 0.0, y))
    return _done(y, x)


def df(x):
    """σ(u)(1 + uσ(-u)), u = 1.702x, a ratio in e^-|u| with 1 + u + e^u expanded about its zero."""
    x, _, big, _, u, u_lo = _setup(x)
    neg, k, w, w_lo, e, e_lo, s, t = _terms(u, u_lo)
    d, d_lo = _two_prod(s, s)
    d_lo = d_lo + 2 * s * t
    # u >= 0: the numerator 1 + e(1 + u) is a sum of positive terms.
    top, top_lo = _two_sum(1.0, e * (1 + u))
    right = _divide(top, top_lo + e * u_lo + e_lo * (1 + u), d, d_lo)
    # u < 0: 1 + u + e^u, near its zero as z + e^u0 expm1(z) with z = u - u0.
    z = (np.minimum(u, 0) - ROOT_HI) + (u_lo - ROOT_LO)
    m = np.expm1(z)
    near, near_lo = _two_prod(-1 - ROOT_HI, m)
    near, lo = _two_sum(z, near)
    near_lo = near_lo + lo - ROOT_LO * m
    one, one_lo = _two_sum(1.0, u)
    far, lo = _two_sum(one, e)
    far_lo = one_lo + lo + e_lo + u_lo
    away = (u > -0.6) | (u < -2.5)
    g, g_lo = np.where(away, far, near), np.where(away, far_lo, near_lo)
    p, p_lo = _two_prod(w, g)
    left = np.ldexp(_divide(p, p_lo + w_lo * g + w * g_lo, d, d_lo), k)
    y = np.where(neg, left, right)
    y = np.where(big > LARGE, 1.0, np.where(big < -LARGE, 0.0, y))
    return _done(y, x)
