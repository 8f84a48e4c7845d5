import numpy as np

from generator.implementations.kernels import (
    dd_add,
    dd_divide,
    dd_mul,
    erf_series_dd,
    exp_scaled_dd,
    expm1_scaled_dd,
    narrow,
    two_prod,
    two_sum,
    widen_exp_minus_abs,
    with_limits,
)

LARGE = 800.0  # beyond this e^-|x| is 0 in float64 and the limits hold exactly
TOP = 6.5  # erfc(6.5) < 4e-20: above it erf is 1 to far better than double precision
TERMS = 120  # enough for the erf series to reach 1e-22 at z = TOP
# 2/√π as a sum of two doubles.
TWO_RSQRT_PI, TWO_RSQRT_PI_LO = 1.1283791670955126, 1.533545961316588e-17


def _log1p(u, u_lo):
    """ln(1 + u), 0 <= u <= 1, in double-double: log1p, then a Newton step on e^l = 1 + u."""
    log = np.log1p(u)
    k, m, m_lo = expm1_scaled_dd(log)  # e^l = 2^k (1 + m), k is 0 or 1
    r = dd_add(u, u_lo, 1.0 - np.ldexp(1.0, k), 0.0)
    r = dd_add(*r, -np.ldexp(m, k), -np.ldexp(m_lo, k))
    return two_sum(log, (r[0] + r[1]) / (1 + u))


def _gauss(z, z_lo):
    """e^-z^2 in double-double, z^2 formed exactly."""
    square = two_prod(z, z)
    k, w, w_lo = exp_scaled_dd(-square[0], -(square[1] + 2 * z * z_lo))
    return np.ldexp(w, k), np.ldexp(w_lo, k)


def _erf_ratio(z, z_lo):
    """erf(z)/z = (2/√π) e^-z^2 (1 + 2z^2/3 + (2z^2)^2/(3·5) + ...): positive terms only."""
    total = erf_series_dd(z, z_lo, TERMS)
    return dd_mul(*dd_mul(TWO_RSQRT_PI, TWO_RSQRT_PI_LO, *_gauss(z, z_lo)), *total)


def _pieces(x):
    """x clipped, e^-|x| = 2^j v, softplus s, erf(s)/s, and ln(1 + e)/e for the left side."""
    x, wide, c, j, v, e = widen_exp_minus_abs(x, LARGE)
    log = _log1p(*e)
    s = dd_add(np.maximum(c, 0.0), 0.0, *log)
    # Above TOP erf(s) = 1 to within 4e-20, so erf(s)/s is 1/s.
    top = s[0] > TOP
    ratio = _erf_ratio(np.minimum(s[0], TOP), np.where(top, 0.0, s[1]))
    inverse = dd_divide(1.0, 0.0, np.maximum(s[0], TOP), s[1])
    ratio = np.where(top, inverse[0], ratio[0]), np.where(top, inverse[1], ratio[1])
    # x < 0: s = e·L; below 1e-300, L = ln(1 + e)/e is 1 in double-double.
    tiny = e[0] < 1e-300
    per = dd_divide(*log, np.where(tiny, 1.0, e[0]), np.where(tiny, 0.0, e[1]))
    per = np.where(tiny, 1.0, per[0]), np.where(tiny, 0.0, per[1])
    return x, wide, c, j, v, e, s, ratio, per


def f(x):
    """x·s·erf(s)/s, s = softplus x by a Newton-corrected log1p, erf by a positive series."""
    x, wide, c, j, v, _, s, ratio, per = _pieces(x)
    right = dd_mul(*dd_mul(c, 0.0, *s), *ratio)
    # x < 0: x·2^j v·L·erf(s)/s, the scale 2^j last so that subnormal e^x loses nothing.
    left = dd_mul(*dd_mul(*dd_mul(c, 0.0, *v), *per), *ratio)
    y = np.where(c >= 0, right[0] + right[1], np.ldexp(left[0] + left[1], j))
    return narrow(with_limits(y, wide, -LARGE, LARGE, -0.0, wide), x)


def df(x):
    """erf(s) + x (2/√π) e^-s^2 sigma(x), s = softplus x, in double-double, 2^j scale last."""
    x, wide, c, j, v, e, s, ratio, per = _pieces(x)
    plus = dd_add(1.0, 0.0, *e)
    g = np.minimum(s[0], 40.0), np.where(s[0] > 40.0, 0.0, s[1])  # e^-1600 is 0
    slope = dd_mul(*dd_mul(TWO_RSQRT_PI, TWO_RSQRT_PI_LO, c, 0.0), *_gauss(*g))
    # x >= 0: s·erf(s)/s + slope/(1 + e).
    right = dd_add(*dd_mul(*s, *ratio), *dd_divide(*slope, *plus))
    # x < 0, e = 2^j v: 2^j v (L·erf(s)/s + slope/(1 + e)).
    left = dd_mul(*v, *dd_add(*dd_mul(*per, *ratio), *dd_divide(*slope, *plus)))
    y = np.where(c >= 0, right[0] + right[1], np.ldexp(left[0] + left[1], j))
    return narrow(with_limits(y, wide, -LARGE, LARGE, 0.0, 1.0), x)
