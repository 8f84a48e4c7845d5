import numpy as np

LARGE = 800.0  # beyond this e^-|x| is 0 in float64 and the limits hold exactly
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


def _poly(e, e_lo, *coefficients):
    """c0 + c1 e + c2 e^2 + ... in double-double by Horner's rule."""
    p = (np.full_like(e, coefficients[-1]), np.zeros_like(e))
    for c in coefficients[-2::-1]:
        p = _add(*_mul(*p, e, e_lo), c, 0.0)
    return p


def _parts(x):
    """The input, x clipped, and e = e^-|x| as 2^j (v + v_lo) and as e + e_lo."""
    x = np.asarray(x)
    wide = x.astype(np.float64)
    c = np.clip(wide, -LARGE, LARGE)
    j, m, m_lo = _exp(-np.abs(c), 0.0)
    v, v_lo = _two_sum(1.0, m)
    v_lo = v_lo + m_lo
    return x, wide, c, j, (v, v_lo), (np.ldexp(v, j), np.ldexp(v_lo, j))


def _done(y, wide, x, left, right):
    y = np.where(wide > LARGE, right, np.where(wide < -LARGE, left, y))
    return y.astype(np.float32) if x.dtype == np.float32 else y


def f(x):
    """x/(1 + e^-x), or (e^x - 1) e^x/(1 + e^x), e^x - 1 exact: double-double, 2^j scale last."""
    x, wide, c, j, v, e = _parts(x)
    plus = _add(1.0, 0.0, *e)
    right = _div(c, 0.0, *plus)
    # x < 0: e^x - 1 = 2^j m + (2^j - 1), m = v - 1.
    m = _add(*v, -1.0, 0.0)
    minus = _add(np.ldexp(m[0], j), np.ldexp(m[1], j), *_two_sum(np.ldexp(1.0, j), -1.0))
    left = _div(*_mul(*v, *minus), *plus)
    y = np.where(c >= 0, sum(right), np.ldexp(sum(left), j))
    return _done(y, wide, x, -0.0, wide)


def df(x):
    """(1 + e(1 + x))/(1 + e)^2, or e((1 + e)^2 - 2)/(1 + e)^2 if x < 0; e = e^-|x|."""
    x, wide, c, j, v, e = _parts(x)
    square = _poly(*e, 1.0, 2.0, 1.0)
    top = _add(1.0, 0.0, *_mul(*e, *_two_sum(1.0, c)))
    right = _div(*top, *square)
    left = _div(*_mul(*v, *_add(*square, -2.0, 0.0)), *square)
    y = np.where(c >= 0, sum(right), np.ldexp(sum(left), j))
    return _done(y, wide, x, 0.0, 1.0)
