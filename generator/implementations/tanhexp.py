import numpy as np

LARGE = 800.0  # below -LARGE x·e^x underflows to 0 in float64
TOP = 4.0  # above this tanh(e^x) = 1 - 2e^-109 (or closer): f is x and f' is 1
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
    """x clipped; e^x = 2^j (v + v_lo); q = e^(-2 e^x); tanh(e^x)/e^x = T; all double-double."""
    x = np.asarray(x)
    wide = x.astype(np.float64)
    c = np.clip(wide, -LARGE, TOP)
    j, m, m_lo = _exp(c, 0.0)
    v, v_lo = _two_sum(1.0, m)
    v_lo = v_lo + m_lo
    # Below 1e-300 tanh(E)/E and sech^2(E) are 1 in double-double: no need for E itself.
    big = np.ldexp(v, j) > 1e-300
    e = np.where(big, np.ldexp(v, j), 1e-300)
    e_lo = np.where(big, np.ldexp(v_lo, j), 0.0)
    k, n, n_lo = _exp(-2 * e, -2 * e_lo)
    # q - 1 = 2^k n + (2^k - 1), exact to double-double even when q is close to 1.
    minus = _add(np.ldexp(n, k), np.ldexp(n_lo, k), *_two_sum(np.ldexp(1.0, k), -1.0))
    plus = _add(2.0, 0.0, *minus)
    t = _div(-minus[0], -minus[1], *_mul(*plus, e, e_lo))
    return x, wide, c, j, (v, v_lo), minus, plus, t


def _done(y, wide, x, left, right):
    y = np.where(wide > TOP, right, np.where(wide < -LARGE, left, y))
    return y.astype(np.float32) if x.dtype == np.float32 else y


def f(x):
    """x·e^x·T with T = tanh(e^x)/e^x = -(q - 1)/((q + 1) e^x), q = e^(-2e^x), q - 1 exact."""
    x, wide, c, j, v, _, _, t = _parts(x)
    p, p_lo = _mul(*_mul(c, 0.0, *v), *t)
    return _done(np.ldexp(p + p_lo, j), wide, x, 0.0, wide)


def df(x):
    """e^x (T + x sech^2(e^x)), sech^2 = 4q/(1 + q)^2, in double-double: exact near its zero."""
    x, wide, c, j, v, minus, plus, t = _parts(x)
    q = _add(1.0, 0.0, *minus)
    sech = _div(*_mul(4.0, 0.0, *q), *_mul(*plus, *plus))
    p, p_lo = _mul(*v, *_add(*t, *_mul(c, 0.0, *sech)))
    return _done(np.ldexp(p + p_lo, j), wide, x, 0.0, 1.0)
