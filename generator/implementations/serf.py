import numpy as np

LARGE = 800.0  # beyond this e^-|x| is 0 in float64 and the limits hold exactly
TOP = 6.5  # erfc(6.5) < 4e-20: above it erf is 1 to far better than double precision
TERMS = 120  # enough for the erf series to reach 1e-22 at z = TOP
# 2/√π as a sum of two doubles.
TWO_RSQRT_PI, TWO_RSQRT_PI_LO = 1.1283791670955126, 1.533545961316588e-17
LN2_HI = 0.6931471803691238  # ln 2 to 32 bits, so k * LN2_HI is exact
LN2_LO = 1.9082149292705877e-10  # ln 2 - LN2_HI


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


def _add(a, a_lo, b, b_lo):
    s, s_lo = _two_sum(a, b)
    return _two_sum(s, s_lo + (a_lo + b_lo))


def _mul(a, a_lo, b, b_lo):
    p, p_lo = _two_prod(a, b)
    return p, p_lo + (a * b_lo + a_lo * b)


def _div(n, n_lo, d, d_lo):
    """(n + n_lo) / (d + d_lo) as q + q_lo, to far better than double precision."""
    q = n / d
    p, p_lo = _two_prod(q, d)
    return q, (((n - p) - p_lo) + n_lo - q * d_lo) / d


def _exp(a, a_lo):
    """e^(a + a_lo) = 2^k (1 + m + m_lo) to ~1e-20: a series for e^(r/16) - 1, squared 4 times."""
    k = np.rint(np.nan_to_num(a) / np.log(2))
    r = _add(a, a_lo, -k * LN2_HI, 0.0)
    r = _add(*r, *_two_prod(-k, LN2_LO))
    t, t_lo = r[0] / 16, r[1] / 16  # |t| < 0.022
    rest = 1 / 40320 + t * (1 / 362880 + t / 3628800)
    rest = 1 / 24 + t * (1 / 120 + t * (1 / 720 + t * (1 / 5040 + t * rest)))
    square = _mul(t, t_lo, t, t_lo)
    m = _add(t, t_lo, square[0] / 2, square[1] / 2 + square[0] * t * (1 / 6 + t * rest))
    for _ in range(4):  # e^2t - 1 = m (2 + m)
        m = _mul(*m, *_add(2.0, 0.0, *m))
    return k.astype(np.int64), m[0], m[1]


def _parts(x):
    """The input, x clipped, and e = e^-|x| as 2^j (v + v_lo) and as e + e_lo."""
    x = np.asarray(x)
    wide = x.astype(np.float64)
    c = np.clip(wide, -LARGE, LARGE)
    j, m, m_lo = _exp(-np.abs(c), 0.0)
    v, v_lo = _two_sum(1.0, m)
    v_lo = v_lo + m_lo
    return x, wide, c, j, (v, v_lo), (np.ldexp(v, j), np.ldexp(v_lo, j))


def _log1p(u, u_lo):
    """ln(1 + u), 0 <= u <= 1, in double-double: log1p, then a Newton step on e^l = 1 + u."""
    log = np.log1p(u)
    k, m, m_lo = _exp(log, 0.0)  # e^l = 2^k (1 + m), k is 0 or 1
    r = _add(u, u_lo, 1.0 - np.ldexp(1.0, k), 0.0)
    r = _add(*r, -np.ldexp(m, k), -np.ldexp(m_lo, k))
    return _two_sum(log, (r[0] + r[1]) / (1 + u))


def _gauss(z, z_lo):
    """e^-z^2 in double-double, z^2 formed exactly."""
    square = _two_prod(z, z)
    k, m, m_lo = _exp(-square[0], -(square[1] + 2 * z * z_lo))
    w, w_lo = _two_sum(1.0, m)
    return np.ldexp(w, k), np.ldexp(w_lo + m_lo, k)


def _erf_ratio(z, z_lo):
    """erf(z)/z = (2/√π) e^-z^2 (1 + 2z^2/3 + (2z^2)^2/(3·5) + ...): positive terms only."""
    a = _mul(2 * z, 2 * z_lo, z, z_lo)
    term, total = (np.ones_like(z), np.zeros_like(z)), (np.ones_like(z), np.zeros_like(z))
    for n in range(1, TERMS + 1):
        term = _div(*_mul(*term, *a), 2.0 * n + 1, 0.0)
        total = _add(*total, *term)
    return _mul(*_mul(TWO_RSQRT_PI, TWO_RSQRT_PI_LO, *_gauss(z, z_lo)), *total)


def _pieces(x):
    """x clipped, e^-|x| = 2^j v, softplus s, erf(s)/s, and ln(1 + e)/e for the left side."""
    x, wide, c, j, v, e = _parts(x)
    log = _log1p(*e)
    s = _add(np.maximum(c, 0.0), 0.0, *log)
    # Above TOP erf(s) = 1 to within 4e-20, so erf(s)/s is 1/s.
    top = s[0] > TOP
    ratio = _erf_ratio(np.minimum(s[0], TOP), np.where(top, 0.0, s[1]))
    inverse = _div(1.0, 0.0, np.maximum(s[0], TOP), s[1])
    ratio = np.where(top, inverse[0], ratio[0]), np.where(top, inverse[1], ratio[1])
    # x < 0: s = e·L; below 1e-300, L = ln(1 + e)/e is 1 in double-double.
    tiny = e[0] < 1e-300
    per = _div(*log, np.where(tiny, 1.0, e[0]), np.where(tiny, 0.0, e[1]))
    per = np.where(tiny, 1.0, per[0]), np.where(tiny, 0.0, per[1])
    return x, wide, c, j, v, e, s, ratio, per


def _done(y, wide, x, left, right):
    y = np.where(wide > LARGE, right, np.where(wide < -LARGE, left, y))
    return y.astype(np.float32) if x.dtype == np.float32 else y


def f(x):
    """x·s·erf(s)/s, s = softplus x by a Newton-corrected log1p, erf by a positive series."""
    x, wide, c, j, v, _, s, ratio, per = _pieces(x)
    right = _mul(*_mul(c, 0.0, *s), *ratio)
    # x < 0: x·2^j v·L·erf(s)/s, the scale 2^j last so that subnormal e^x loses nothing.
    left = _mul(*_mul(*_mul(c, 0.0, *v), *per), *ratio)
    y = np.where(c >= 0, right[0] + right[1], np.ldexp(left[0] + left[1], j))
    return _done(y, wide, x, -0.0, wide)


def df(x):
    """erf(s) + x (2/√π) e^-s^2 sigma(x), s = softplus x, in double-double, 2^j scale last."""
    x, wide, c, j, v, e, s, ratio, per = _pieces(x)
    plus = _add(1.0, 0.0, *e)
    g = np.minimum(s[0], 40.0), np.where(s[0] > 40.0, 0.0, s[1])  # e^-1600 is 0
    slope = _mul(*_mul(TWO_RSQRT_PI, TWO_RSQRT_PI_LO, c, 0.0), *_gauss(*g))
    # x >= 0: s·erf(s)/s + slope/(1 + e).
    right = _add(*_mul(*s, *ratio), *_div(*slope, *plus))
    # x < 0, e = 2^j v: 2^j v (L·erf(s)/s + slope/(1 + e)).
    left = _mul(*v, *_add(*_mul(*per, *ratio), *_div(*slope, *plus)))
    y = np.where(c >= 0, right[0] + right[1], np.ldexp(left[0] + left[1], j))
    return _done(y, wide, x, 0.0, 1.0)
