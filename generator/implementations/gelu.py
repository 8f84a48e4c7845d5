import numpy as np

LARGE = 40.0  # beyond this x·Φ(x) is x (or 0) and Φ(x) + xφ(x) is 1 (or 0) in float64
SPLIT = 2.5  # |x|/√2 below this: a series for erf; above: a continued fraction for erfc
TERMS = 48  # enough for the erf series to reach 1e-22 at SPLIT
DEPTH = 60  # enough for the erfc continued fraction to reach 1e-21 at SPLIT
# Constants as sums of two doubles.
SQRT_HALF, SQRT_HALF_LO = 0.7071067811865476, -4.833646656726457e-17
TWO_RSQRT_PI, TWO_RSQRT_PI_LO = 1.1283791670955126, 1.533545961316588e-17  # 2/√π
RSQRT_2PI, RSQRT_2PI_LO = 0.3989422804014327, -2.49232720227773e-17  # 1/√(2π)
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
    """e^(a + a_lo) = 2^k (1 + m + m_lo) to ~1e-22: a series for e^(r/16) - 1, squared 4 times."""
    k = np.rint(np.nan_to_num(a) / np.log(2))
    r = _add(a, a_lo, -k * LN2_HI, 0.0)
    r = _add(*r, *_two_prod(-k, LN2_LO))
    t, t_lo = r[0] / 16, r[1] / 16  # |t| < 0.022
    rest = 1 / 40320 + t * (1 / 362880 + t / 3628800)
    rest = 1 / 120 + t * (1 / 720 + t * (1 / 5040 + t * rest))
    square = _mul(t, t_lo, t, t_lo)
    cube = _div(*_mul(*square, t, t_lo), 6.0, 0.0)
    m = _add(*_add(t, t_lo, square[0] / 2, square[1] / 2), *cube)
    m = _add(*m, square[0] * square[0] * (1 / 24 + t * rest), 0.0)
    for _ in range(4):  # e^2t - 1 = m (2 + m)
        m = _mul(*m, *_add(2.0, 0.0, *m))
    return k.astype(np.int64), m[0], m[1]


def _erf_ratio(z, z_lo):
    """erf(z)/z = (2/√π) e^-z^2 (1 + 2z^2/3 + (2z^2)^2/(3·5) + ...): positive terms only."""
    a = _mul(2 * z, 2 * z_lo, z, z_lo)
    term, total = (np.ones_like(z), np.zeros_like(z)), (np.ones_like(z), np.zeros_like(z))
    for n in range(1, TERMS + 1):
        term = _div(*_mul(*term, *a), 2.0 * n + 1, 0.0)
        total = _add(*total, *term)
    return total


def _fraction(z, z_lo):
    """√π e^(z^2) erfc(z) = 1/(z + (1/2)/(z + 1/(z + (3/2)/(z + ...)))), z >= SPLIT, bottom up."""
    t = z, z_lo
    for n in range(DEPTH, 0, -1):
        t = _add(z, z_lo, *_div(n / 2, 0.0, *t))
    return _div(1.0, 0.0, *t)


def _pieces(x):
    """x clipped, e^(-x^2/2) = 2^k (w + w_lo), Φ(x), and erfc(|x|/√2)/2^(k+1) for the tails."""
    x = np.asarray(x)
    wide = x.astype(np.float64)
    c = np.clip(wide, -LARGE, LARGE)
    z = _mul(c, 0.0, SQRT_HALF, SQRT_HALF_LO)  # x/√2
    square = _two_prod(z[0], z[0])
    k, m, m_lo = _exp(-square[0], -(square[1] + 2 * z[0] * z[1]))
    w, w_lo = _two_sum(1.0, m)
    w = w, w_lo + m_lo
    # Centre: Φ = (1 + z·erf(z)/z)/2, erf(z)/z = (2/√π) e^-z^2 (series): positive terms.
    near = np.abs(z[0]) < SPLIT
    inner = np.where(near, z[0], 0.0), np.where(near, z[1], 0.0)
    gauss = np.ldexp(w[0], k), np.ldexp(w[1], k)
    ratio = _mul(*_mul(TWO_RSQRT_PI / 2, TWO_RSQRT_PI_LO / 2, *gauss), *_erf_ratio(*inner))
    centre = _add(0.5, 0.0, *_mul(*z, *ratio))
    # Tails: erfc(|z|)/2 = 2^k (w + w_lo) F(|z|)/(2√π), F the continued fraction.
    outer = np.maximum(np.abs(z[0]), SPLIT), np.where(near, 0.0, np.sign(z[0]) * z[1])
    tail = _mul(*_mul(TWO_RSQRT_PI / 4, TWO_RSQRT_PI_LO / 4, *w), *_fraction(*outer))
    upper = _add(1.0, 0.0, -np.ldexp(tail[0], k), -np.ldexp(tail[1], k))
    phi = np.where(near, centre[0], upper[0]), np.where(near, centre[1], upper[1])
    lower = ~near & (z[0] < 0)
    return x, wide, c, k, w, lower, phi, tail


def _done(y, wide, x, left, right):
    y = np.where(wide > LARGE, right, np.where(wide < -LARGE, left, y))
    return y.astype(np.float32) if x.dtype == np.float32 else y


def f(x):
    """x·Φ(x): an erf series in the centre, a continued fraction for erfc in the tails, 2^k last."""
    x, wide, c, k, _, lower, phi, tail = _pieces(x)
    p = _mul(c, 0.0, *phi)
    q = _mul(c, 0.0, *tail)  # left tail: x·Φ(x)/2^k, the scale 2^k last
    y = np.where(lower, np.ldexp(q[0] + q[1], k), p[0] + p[1])
    return _done(y, wide, x, 0.0, wide)


def df(x):
    """Φ(x) + xφ(x) with both terms in double-double, so the sum keeps its digits near its zero."""
    x, wide, c, k, w, lower, phi, tail = _pieces(x)
    slope = _mul(*_mul(c, 0.0, RSQRT_2PI, RSQRT_2PI_LO), *w)  # xφ(x)/2^k
    p = _add(*phi, np.ldexp(slope[0], k), np.ldexp(slope[1], k))
    q = _add(*tail, *slope)
    y = np.where(lower, np.ldexp(q[0] + q[1], k), p[0] + p[1])
    return _done(y, wide, x, 0.0, 1.0)
