import numpy as np


def f(x):
    """x·cos(x) with cos as a pair good to ~57 bits, so only the product rounds; NaN at ±inf."""
    x = np.asarray(x)
    wide = np.where(np.isinf(x), np.nan, x.astype(np.float64))
    near = np.abs(wide) < 1e5  # beyond, plain NumPy: x·cos x is not near a cancellation there
    a = np.where(near, wide, 0.0)
    _, _, c, c_lo = _sin_cos(a)
    p, p_lo = _two_prod(a, c)
    y = np.where(near, p + (p_lo + a * c_lo), wide * np.cos(wide))
    return y.astype(np.float32) if x.dtype == np.float32 else y


def df(x):
    """cos x - x sin x with sin, cos as ~57-bit pairs, so cancelling near its zeros is harmless."""
    x = np.asarray(x)
    wide = np.where(np.isinf(x), np.nan, x.astype(np.float64))
    near = np.abs(wide) < 1e5  # beyond, plain NumPy (f′'s zeros hug those of sin there)
    a = np.where(near, wide, 0.0)
    s, s_lo, c, c_lo = _sin_cos(a)
    p, p_lo = _two_prod(a, s)
    t, t_lo = _two_sum(c, -p)
    careful = t + (t_lo + c_lo - p_lo - a * s_lo)
    y = np.where(near, careful, np.cos(wide) - wide * np.sin(wide))
    return y.astype(np.float32) if x.dtype == np.float32 else y


# pi/2 = P1 + P2 + P3 to 1e-37; P1 and P2 have 33 significant bits, so k*P1 and k*P2 are exact.
P1 = 1.5707963267341256
P2 = 6.077100506303966e-11
P3 = 2.0222662487959506e-21


def _sin_cos(x):
    """sin x and cos x as unevaluated pairs (hi, lo) good to ~2^-57 relative, for |x| < 1e5."""
    k = np.round(x / (np.pi / 2))
    r = x - k * P1  # exact
    r, r_lo = _two_sum(r, -k * P2)
    r, r_lo = _fast_two_sum(r, r_lo - k * P3)  # x = k·π/2 + r, |r| <= π/4
    u, u_lo = _two_prod(r, r)
    cube, cube_lo = _two_prod(r, u)
    fourth, fourth_lo = _two_prod(u, u)
    # sin r = r - r³/6 + r⁵·S(r²), cos r = 1 - r²/2 + r⁴/24 - r⁶·C(r²), leading terms as pairs
    sixth, sixth_lo = _divide(cube, cube_lo + r * u_lo, 6.0)
    s, s_lo = _two_sum(r, -sixth)
    s_lo += r_lo * (1 - u / 2) - sixth_lo + cube * u * _poly(u, 2, 1)
    c, c_lo = _fast_two_sum(1.0, -u / 2)
    c_lo -= u_lo / 2 + r_lo * r
    quarter, quarter_lo = _divide(fourth, fourth_lo + 2 * u * u_lo, 24.0)
    c, extra = _two_sum(c, quarter)
    c_lo += extra + quarter_lo + fourth * u * _poly(u, 3, 0)
    s, s_lo = _fast_two_sum(s, s_lo)
    c, c_lo = _fast_two_sum(c, c_lo)
    q = k - 4 * np.floor(k / 4)  # quadrant
    quadrants = [q == 0, q == 1, q == 2]
    sin_hi = np.select(quadrants, [s, c, -s], -c)
    sin_lo = np.select(quadrants, [s_lo, c_lo, -s_lo], -c_lo)
    cos_hi = np.select(quadrants, [c, -s, -c], s)
    cos_lo = np.select(quadrants, [c_lo, -s_lo, -c_lo], s_lo)
    return sin_hi, sin_lo, cos_hi, cos_lo


def _poly(u, first, odd):
    """Σ_{j>=first} (-1)^j u^{j-first} / (2j + odd)!, the rest of the Taylor series, by Horner."""
    total = np.zeros_like(u)
    for j in range(first + 10, first - 1, -1):
        total = total * u + (-1) ** j / _factorial(2 * j + odd)
    return total


def _factorial(n):
    result = 1.0
    for k in range(2, n + 1):
        result *= k
    return result


def _divide(hi, lo, n):
    """(hi + lo)/n as a pair, for a small integer n."""
    q = hi / n
    m, m_lo = _two_prod(q, n)
    return q, ((hi - m) - m_lo + lo) / n


def _split(a):
    """a = high + low with 26-bit halves (Dekker), so products of halves are exact."""
    c = 134217729.0 * a
    high = c - (c - a)
    return high, a - high


def _two_prod(a, b):
    """a·b as the rounded product and its exact rounding error."""
    p = a * b
    ah, al = _split(a)
    bh, bl = _split(b)
    return p, ((ah * bh - p) + ah * bl + al * bh) + al * bl


def _two_sum(a, b):
    """a + b as the rounded sum and its exact rounding error (Knuth)."""
    s = a + b
    v = s - a
    return s, (a - (s - v)) + (b - v)


def _fast_two_sum(a, b):
    """a + b and its exact rounding error, for |a| >= |b|."""
    s = a + b
    return s, b - (s - a)
