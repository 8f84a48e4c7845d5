"""The double-double kernels the NumPy implementations share: one copy of each.

A pair ``(hi, lo)`` stands for the unevaluated sum hi + lo, with |lo| at most about half an
ULP of hi: about 106 bits carried in two doubles. Every function takes and returns arrays
(or scalars) elementwise and warns about nothing for the inputs its docstring allows.

A module imports what it needs from here; ``generator.implementations.source`` publishes it
with these definitions copied in, so that what readers copy imports nothing but NumPy.
"""

import numpy as np

LN2_HI = 0.6931471803691238  # ln 2 to 32 bits, so k * LN2_HI is exact
LN2_LO = 1.9082149292705877e-10  # ln 2 - LN2_HI
# pi/2 = P1 + P2 + P3 to 1e-37; P1 and P2 have 33 significant bits, so k*P1 and k*P2 are exact.
P1 = 1.5707963267341256
P2 = 6.077100506303966e-11
P3 = 2.0222662487959506e-21
# x0 = -1 - W(1/e), the zero of 1 + x + e^x (and of the SiLU slope), as a sum of two doubles.
SILU_ZERO_HI = -1.2784645427610737
SILU_ZERO_LO = -1.0946994183093437e-16


def widen(x):
    """The input as an array, and as float64: every module computes in float64."""
    x = np.asarray(x)
    return x, x.astype(np.float64)


def narrow(y, x):
    """The float64 result y rounded once to float32 if the input x was float32, else y."""
    return y.astype(np.float32) if x.dtype == np.float32 else y


def with_limits(y, wide, low, high, left, right):
    """y, but ``left`` where wide < low and ``right`` where wide > high (NaN stays NaN)."""
    return np.where(wide > high, right, np.where(wide < low, left, y))


def two_sum(a, b):
    """a + b as (s, e): s = fl(a + b) and s + e = a + b exactly, any order (Knuth)."""
    s = a + b
    v = s - a
    return s, (a - (s - v)) + (b - v)


def fast_two_sum(a, b):
    """a + b as (s, e), exactly like two_sum, but only for |a| >= |b| (or a = 0) (Dekker)."""
    s = a + b
    return s, b - (s - a)


def split(a):
    """a = high + low, each with at most 26 significant bits (Veltkamp), for |a| < 1e300."""
    c = 134217729.0 * a  # 2**27 + 1
    high = c - (c - a)
    return high, a - high


def two_prod(a, b):
    """a * b as (p, e): p = fl(ab) and p + e = ab exactly (Dekker), for |a|, |b| < 1e150.

    e is exact unless |ab| < 2^-969 (about 2e-292), where it would be subnormal.
    """
    p = a * b
    ah, al = split(a)
    bh, bl = split(b)
    return p, ((ah * bh - p) + ah * bl + al * bh) + al * bl


def dd_add(a, a_lo, b, b_lo):
    """(a + a_lo) + (b + b_lo) as a normalised pair, to within 2^-104 (|a| + |b|)."""
    s, s_lo = two_sum(a, b)
    return two_sum(s, s_lo + (a_lo + b_lo))


def dd_mul(a, a_lo, b, b_lo):
    """(a + a_lo)(b + b_lo) as a pair (p = fl(ab), not renormalised), to within 2^-104 relative."""
    p, p_lo = two_prod(a, b)
    return p, p_lo + (a * b_lo + a_lo * b)


def dd_divide(n, n_lo, d, d_lo):
    """(n + n_lo) / (d + d_lo) as (q, q_lo), q = fl(n/d), to within 2^-103 relative.

    One correction from the exact remainder n - q d. A result needed as one double is
    ``q + q_lo``: rounded once, within about 0.5 ULP.
    """
    q = n / d
    p, p_lo = two_prod(q, d)
    return q, (((n - p) - p_lo) + n_lo - q * d_lo) / d


def dd_horner(e, e_lo, *coefficients):
    """c0 + c1 e + c2 e^2 + ... (c doubles) by Horner's rule, each step a dd_mul and a dd_add.

    Within 2^-102 relative where nothing cancels (c >= 0, e >= 0).
    """
    p = (np.full_like(e, coefficients[-1]), np.zeros_like(e))
    for c in coefficients[-2::-1]:
        p = dd_add(*dd_mul(*p, e, e_lo), c, 0.0)
    return p


def exp_scaled(a, a_lo=0.0):
    """e^(a + a_lo) = 2^k (w + w_lo), as (k, w, w_lo), to about 2^-52 relative: double precision.

    k = round(a / ln 2) is an int64 array; w + w_lo = 1 + expm1(r) exactly, r the reduced
    argument. Scaling by 2^k last (np.ldexp) keeps subnormal results. For |a| <= 1e5 (or NaN).
    """
    k = np.rint(np.nan_to_num(a) / np.log(2))
    m = np.expm1(((a - k * LN2_HI) + a_lo) - k * LN2_LO)
    w = 1 + m
    return k.astype(np.int64), w, m - (w - 1)


def expm1_scaled_dd(a, a_lo=0.0):
    """e^(a + a_lo) = 2^k (1 + m + m_lo), as (k, m, m_lo), to within 2^-72 relative.

    Double-double: a Taylor series for e^(r/16) - 1, r the reduced argument, squared four
    times as e^2t - 1 = m (2 + m). The 1 is kept apart, so that 2^k (1 + m) - 1 and the
    like can be formed without cancellation: for |a| < 0.34, k = 0 and m + m_lo is expm1(a)
    to within 2^-72 relative. k is an int64 array. The bound holds for |a| <= 3000; up to
    |a| = 1e5 (the limit) ln 2, carried to 1.2e-26, costs up to 2^-68.
    """
    k = np.rint(np.nan_to_num(a) / np.log(2))
    r = dd_add(a, a_lo, -k * LN2_HI, 0.0)
    r = dd_add(*r, *two_prod(-k, LN2_LO))
    t, t_lo = r[0] / 16, r[1] / 16  # |t| < 0.022
    rest = 1 / 40320 + t * (1 / 362880 + t / 3628800)
    rest = 1 / 120 + t * (1 / 720 + t * (1 / 5040 + t * rest))
    square = dd_mul(t, t_lo, t, t_lo)
    cube = dd_divide(*dd_mul(*square, t, t_lo), 6.0, 0.0)
    m = dd_add(*dd_add(t, t_lo, square[0] / 2, square[1] / 2), *cube)
    m = dd_add(*m, square[0] * square[0] * (1 / 24 + t * rest), 0.0)
    for _ in range(4):  # e^2t - 1 = m (2 + m)
        m = dd_mul(*m, *dd_add(2.0, 0.0, *m))
    return k.astype(np.int64), m[0], m[1]


def exp_scaled_dd(a, a_lo=0.0):
    """e^(a + a_lo) = 2^k (v + v_lo), as (k, v, v_lo): expm1_scaled_dd with the 1 added in."""
    k, m, m_lo = expm1_scaled_dd(a, a_lo)
    v, v_lo = two_sum(1.0, m)
    return k, v, v_lo + m_lo


def widen_exp_minus_abs(x, large):
    """The input handling of modules built on e^-|x|: (x, wide, c, j, (v, v_lo), (e, e_lo)).

    x as an array, wide = x in float64, c = wide clipped to ±large (at most 1e5; the caller
    puts the limits beyond), and e^-|c| in double-double, both as 2^j (v + v_lo) and as
    e + e_lo. The scaled e + e_lo loses digits where it is subnormal, so a result
    proportional to e^-|x| is better formed from v and scaled by 2^j last.
    """
    x, wide = widen(x)
    c = np.clip(wide, -large, large)
    j, v, v_lo = exp_scaled_dd(-np.abs(c))
    return x, wide, c, j, (v, v_lo), (np.ldexp(v, j), np.ldexp(v_lo, j))


def x_sigmoid(x, u, u_lo):
    """x σ(u) for |x| < 1e300 and u + u_lo a pair with |u| <= 1e5, within 1.5 ULP.

    With e = e^-|u| = 2^k (w + w_lo) from exp_scaled (double precision, hence the half ULP
    beyond one rounding): x / (1 + e) for u >= 0, 2^k x (w + w_lo) / (1 + e) below, the
    scale 2^k last so that subnormal results keep their digits. Beyond |u| = 800 the value
    is x or 0 to the last bit: a caller may clip u there and put the limits.
    """
    k, w, w_lo = exp_scaled(-np.abs(u), np.where(u < 0, u_lo, -u_lo))
    s, t = two_sum(1.0, np.ldexp(w, k))
    t = t + np.ldexp(w_lo, k)
    p, p_lo = two_prod(x, w)
    left = np.ldexp(np.add(*dd_divide(p, p_lo + x * w_lo, s, t)), k)
    right = np.add(*dd_divide(x, 0.0, s, t))
    return np.where(u < 0, left, right)


def silu_slope(u, u_lo):
    """d/du (u σ(u)) = σ(u)(1 + u σ(-u)) for u + u_lo a pair, |u| <= 1e5, within 2 ULP.

    A ratio in e = e^-|u| in double-double: (1 + e(1 + u)) / (1 + e)^2 for u >= 0, where all
    terms are positive, and 2^k w (1 + u + e^u) / (1 + e)^2 below, with 1 + u + e^u expanded
    about its zero x0 = -1 - W(1/e) as z + e^x0 expm1(z), z = u - x0, so the slope keeps its
    digits where it crosses zero. Beyond |u| = 800 it is 1 or 0 to the last bit.
    """
    k, w, w_lo = exp_scaled(-np.abs(u), np.where(u < 0, u_lo, -u_lo))
    e, e_lo = np.ldexp(w, k), np.ldexp(w_lo, k)
    s, t = two_sum(1.0, e)
    t = t + e_lo
    d, d_lo = two_prod(s, s)
    d_lo = d_lo + 2 * s * t
    top, top_lo = two_sum(1.0, e * (1 + u))
    right = np.add(*dd_divide(top, top_lo + e * u_lo + e_lo * (1 + u), d, d_lo))
    z = (np.minimum(u, 0) - SILU_ZERO_HI) + (u_lo - SILU_ZERO_LO)
    m = np.expm1(z)
    near, near_lo = two_prod(-1 - SILU_ZERO_HI, m)
    near, lo = two_sum(z, near)
    near_lo = near_lo + lo - SILU_ZERO_LO * m
    one, one_lo = two_sum(1.0, u)
    far, lo = two_sum(one, e)
    far_lo = one_lo + lo + e_lo + u_lo
    away = (u > -0.6) | (u < -2.5)
    g, g_lo = np.where(away, far, near), np.where(away, far_lo, near_lo)
    p, p_lo = two_prod(w, g)
    left = np.ldexp(np.add(*dd_divide(p, p_lo + w_lo * g + w * g_lo, d, d_lo)), k)
    return np.where(u < 0, left, right)


def tanh_fraction(a, a_lo):
    """For a + a_lo in [0, 2]: a^2 and Lambert's D = 3 + a^2/(5 + a^2/(7 + ...)), as pairs.

    Then tanh a = a D / (a^2 + D) and a - tanh a = a^3 / (a^2 + D), with no cancellation;
    13 levels reach full precision at a = 2.
    """
    square, square_lo = two_prod(a, a)
    square_lo = square_lo + 2 * a * a_lo
    d = 31.0
    for odd in range(29, 3, -2):
        d = odd + square / d
    return (square, square_lo), two_sum(3.0, square / d)


def tanh_dd(u, u_lo):
    """tanh(u + u_lo) for u >= 0 as a pair, to within 2^-54 relative.

    Below 2, Lambert's continued fraction (tanh_fraction); from 2 on, (1 - e)/(1 + e) with
    e = e^-2u < 0.02, which barely feels the rounding of e.
    """
    near = np.minimum(u, 2.0)
    near_lo = np.where(u < 2, u_lo, 0.0)
    (s, s_lo), (d, d_lo) = tanh_fraction(near, near_lo)
    n, n_lo = two_prod(near, d)
    b, b_lo = two_sum(s, d)
    small = dd_divide(n, n_lo + near * d_lo + near_lo * d, b, b_lo + s_lo + d_lo)
    e = np.exp(-2 * u)
    e_lo = -2 * u_lo * e  # e^(-2(u + u_lo)) = e (1 - 2 u_lo)
    n, n_lo = two_sum(1.0, -e)
    b, b_lo = two_sum(1.0, e)
    large = dd_divide(n, n_lo - e_lo, b, b_lo + e_lo)
    return np.where(u < 2, small[0], large[0]), np.where(u < 2, small[1], large[1])


def erf_series_dd(z, z_lo, terms):
    """Σ (2z^2)^n / (1·3·5···(2n + 1)), n = 0..terms, in double-double: positive terms only.

    It is (√π/2) e^(z^2) erf(z)/z, so erf(z) = (2/√π) z e^(-z^2) times this, with no
    cancellation at any z. The caller picks ``terms`` for its largest z: 48 reach 2^-72
    relative up to z = 2.5, 120 up to z = 6.5.
    """
    a = dd_mul(2 * z, 2 * z_lo, z, z_lo)
    term, total = (np.ones_like(z), np.zeros_like(z)), (np.ones_like(z), np.zeros_like(z))
    for n in range(1, terms + 1):
        term = dd_divide(*dd_mul(*term, *a), 2.0 * n + 1, 0.0)
        total = dd_add(*total, *term)
    return total


def factorial(n):
    """n! as a float (exact up to 22!)."""
    result = 1.0
    for k in range(2, n + 1):
        result *= k
    return result


def taylor_tail(u, first, odd):
    """Σ_{j>=first} (-1)^j u^(j-first) / (2j + odd)!, eleven terms by Horner, in double.

    The tails of the sine and cosine series, within 2^-51 relative for 0 <= u <= (π/4)^2.
    """
    total = np.zeros_like(u)
    for j in range(first + 10, first - 1, -1):
        total = total * u + (-1) ** j / factorial(2 * j + odd)
    return total


def sin_cos(x):
    """(sin_hi, sin_lo, cos_hi, cos_lo) for |x| < 1e5: pairs to within 2^-54 relative.

    x = k π/2 + r with π/2 in three parts (exact products), |r| <= π/4; sin r and cos r by
    their Taylor series with the leading terms as pairs; the quadrant picks the signs. The
    worst case is a zero of sin or cos, where π/2's 1e-37 remainder costs 2^-55 at most;
    elsewhere the pairs are good to about 2^-57.
    """
    k = np.round(x / (np.pi / 2))
    r = x - k * P1  # exact
    r, r_lo = two_sum(r, -k * P2)
    r, r_lo = fast_two_sum(r, r_lo - k * P3)
    u, u_lo = two_prod(r, r)
    cube, cube_lo = two_prod(r, u)
    fourth, fourth_lo = two_prod(u, u)
    # sin r = r - r³/6 + r⁵·S(r²), cos r = 1 - r²/2 + r⁴/24 - r⁶·C(r²), leading terms as pairs
    sixth, sixth_lo = dd_divide(cube, cube_lo + r * u_lo, 6.0, 0.0)
    s, s_lo = two_sum(r, -sixth)
    s_lo += r_lo * (1 - u / 2) - sixth_lo + cube * u * taylor_tail(u, 2, 1)
    c, c_lo = fast_two_sum(1.0, -u / 2)
    c_lo -= u_lo / 2 + r_lo * r
    quarter, quarter_lo = dd_divide(fourth, fourth_lo + 2 * u * u_lo, 24.0, 0.0)
    c, extra = two_sum(c, quarter)
    c_lo += extra + quarter_lo + fourth * u * taylor_tail(u, 3, 0)
    s, s_lo = fast_two_sum(s, s_lo)
    c, c_lo = fast_two_sum(c, c_lo)
    q = k - 4 * np.floor(k / 4)  # quadrant
    quadrants = [q == 0, q == 1, q == 2]
    sin_hi = np.select(quadrants, [s, c, -s], -c)
    sin_lo = np.select(quadrants, [s_lo, c_lo, -s_lo], -c_lo)
    cos_hi = np.select(quadrants, [c, -s, -c], s)
    cos_lo = np.select(quadrants, [c_lo, -s_lo, -c_lo], s_lo)
    return sin_hi, sin_lo, cos_hi, cos_lo
