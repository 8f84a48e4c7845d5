import numpy as np

LARGE = 800.0  # beyond this e^-x is 0 in float64, so the gate is exactly 1
SMALL = -8.0  # below this e^-x > 2900 and the gate exp(-e^-x) underflows to 0
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


def _gate(x):
    """The input, x clipped, e^-x as e + e_lo and the gate exp(-e^-x) as 2^k (w + w_lo)."""
    x = np.asarray(x)
    wide = x.astype(np.float64)
    c = np.clip(wide, SMALL, LARGE)
    j, m, m_lo = _exp(-c, 0.0)
    e, e_lo = _two_sum(1.0, m)
    e, e_lo = np.ldexp(e, j), np.ldexp(e_lo + m_lo, j)
    k, m, m_lo = _exp(-e, -e_lo)
    w, w_lo = _two_sum(1.0, m)
    return x, wide, c, e, e_lo, k, w, w_lo + m_lo


def _done(y, wide, x, left, right):
    y = np.where(wide > LARGE, right, np.where(wide < SMALL, left, y))
    return y.astype(np.float32) if x.dtype == np.float32 else y


def f(x):
    """x·exp(-e^-x), e^-x in double-double: the gate keeps its digits where e^-x is large."""
    x, wide, c, _, _, k, w, w_lo = _gate(x)
    p, p_lo = _mul(c, 0.0, w, w_lo)
    return _done(np.ldexp(p + p_lo, k), wide, x, 0.0, wide)


def df(x):
    """exp(-e^-x)(1 + x e^-x) in double-double, so 1 + x e^-x keeps its digits near its zero."""
    x, wide, c, e, e_lo, k, w, w_lo = _gate(x)
    g = _add(1.0, 0.0, *_mul(c, 0.0, e, e_lo))
    p, p_lo = _mul(w, w_lo, *g)
    return _done(np.ldexp(p + p_lo, k), wide, x, 0.0, 1.0)
