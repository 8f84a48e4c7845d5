import numpy as np

from generator.implementations.kernels import (
    dd_add,
    dd_divide,
    dd_mul,
    erf_series_dd,
    exp_scaled_dd,
    narrow,
    two_prod,
    widen,
    with_limits,
)

LARGE = 40.0  # beyond this x·Φ(x) is x (or 0) and Φ(x) + xφ(x) is 1 (or 0) in float64
SPLIT = 2.5  # |x|/√2 below this: a series for erf; above: a continued fraction for erfc
TERMS = 48  # enough for the erf series to reach 1e-22 at SPLIT
DEPTH = 60  # enough for the erfc continued fraction to reach 1e-21 at SPLIT
# Constants as sums of two doubles.
SQRT_HALF, SQRT_HALF_LO = 0.7071067811865476, -4.833646656726457e-17
TWO_RSQRT_PI, TWO_RSQRT_PI_LO = 1.1283791670955126, 1.533545961316588e-17  # 2/√π
RSQRT_2PI, RSQRT_2PI_LO = 0.3989422804014327, -2.49232720227773e-17  # 1/√(2π)


def _fraction(z, z_lo):
    """√π e^(z^2) erfc(z) = 1/(z + (1/2)/(z + 1/(z + (3/2)/(z + ...)))), z >= SPLIT, bottom up."""
    t = z, z_lo
    for n in range(DEPTH, 0, -1):
        t = dd_add(z, z_lo, *dd_divide(n / 2, 0.0, *t))
    return dd_divide(1.0, 0.0, *t)


def _pieces(x):
    """x clipped, e^(-x^2/2) = 2^k (w + w_lo), Φ(x), and erfc(|x|/√2)/2^(k+1) for the tails."""
    x, wide = widen(x)
    c = np.clip(wide, -LARGE, LARGE)
    z = dd_mul(c, 0.0, SQRT_HALF, SQRT_HALF_LO)  # x/√2
    square = two_prod(z[0], z[0])
    k, w, w_lo = exp_scaled_dd(-square[0], -(square[1] + 2 * z[0] * z[1]))
    w = w, w_lo
    # Centre: Φ = (1 + z·erf(z)/z)/2, erf(z)/z = (2/√π) e^-z^2 (series): positive terms.
    near = np.abs(z[0]) < SPLIT
    inner = np.where(near, z[0], 0.0), np.where(near, z[1], 0.0)
    gauss = np.ldexp(w[0], k), np.ldexp(w[1], k)
    ratio = dd_mul(
        *dd_mul(TWO_RSQRT_PI / 2, TWO_RSQRT_PI_LO / 2, *gauss), *erf_series_dd(*inner, TERMS)
    )
    centre = dd_add(0.5, 0.0, *dd_mul(*z, *ratio))
    # Tails: erfc(|z|)/2 = 2^k (w + w_lo) F(|z|)/(2√π), F the continued fraction.
    outer = np.maximum(np.abs(z[0]), SPLIT), np.where(near, 0.0, np.sign(z[0]) * z[1])
    tail = dd_mul(*dd_mul(TWO_RSQRT_PI / 4, TWO_RSQRT_PI_LO / 4, *w), *_fraction(*outer))
    upper = dd_add(1.0, 0.0, -np.ldexp(tail[0], k), -np.ldexp(tail[1], k))
    phi = np.where(near, centre[0], upper[0]), np.where(near, centre[1], upper[1])
    lower = ~near & (z[0] < 0)
    return x, wide, c, k, w, lower, phi, tail


def f(x):
    """x·Φ(x): an erf series in the centre, a continued fraction for erfc in the tails, 2^k last."""
    x, wide, c, k, _, lower, phi, tail = _pieces(x)
    p = dd_mul(c, 0.0, *phi)
    q = dd_mul(c, 0.0, *tail)  # left tail: x·Φ(x)/2^k, the scale 2^k last
    y = np.where(lower, np.ldexp(q[0] + q[1], k), p[0] + p[1])
    return narrow(with_limits(y, wide, -LARGE, LARGE, 0.0, wide), x)


def df(x):
    """Φ(x) + xφ(x) with both terms in double-double, so the sum keeps its digits near its zero."""
    x, wide, c, k, w, lower, phi, tail = _pieces(x)
    slope = dd_mul(*dd_mul(c, 0.0, RSQRT_2PI, RSQRT_2PI_LO), *w)  # xφ(x)/2^k
    p = dd_add(*phi, np.ldexp(slope[0], k), np.ldexp(slope[1], k))
    q = dd_add(*tail, *slope)
    y = np.where(lower, np.ldexp(q[0] + q[1], k), p[0] + p[1])
    return narrow(with_limits(y, wide, -LARGE, LARGE, 0.0, 1.0), x)
