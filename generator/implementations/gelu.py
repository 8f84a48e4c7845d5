import numpy as np
from scipy.special import erfc, erfcx

LARGE = 40.0  # beyond this x·Φ(x) is x (or 0) and Φ(x) + xφ(x) is 1 (or 0) in float64
TAIL = 0.5  # for x/√2 below -TAIL, Φ(x) = erfcx(-x/√2) e^{-x²/2} / 2
LN2_HI = 0.6931471803691238  # ln 2 to 32 bits, so k * LN2_HI is exact
LN2_LO = 1.9082149292705877e-10  # ln 2 - LN2_HI
# Constants as sums of two doubles.
SQRT_HALF, SQRT_HALF_LO = 0.7071067811865476, -4.833646656726457e-17
RSQRT_PI = 0.5641895835477563  # 1/√π
RSQRT_2PI, RSQRT_2PI_LO = 0.3989422804014327, -2.49232720227773e-17  # 1/√(2π)
# x0, where GELU' = Φ(x) + xφ(x) changes sign, as two doubles, and φ(x0).
ROOT_HI, ROOT_LO = -0.7517915246935645, 1.4956759177009883e-17
PHI_ROOT, PHI_ROOT_LO = 0.3007325998969753, -2.594876398670344e-17
NEAR = 0.75  # GELU' within NEAR of x0 comes from the series below, without erfc


def _series():
    """a_n, with (Φ(x0 + h) - Φ(x0)) / φ(x0) = sum of a_n h^(n+1), a_n = He_n(-x0)/(n+1)!."""
    he = [1.0, -ROOT_HI]
    for n in range(1, 27):
        he.append(-ROOT_HI * he[n] - n * he[n - 1])
    factorial = np.cumprod(np.arange(1.0, len(he) + 1))
    return np.array(he) / factorial


SERIES = _series()


def _two_prod(a, b):
    """a * b as p + error, exactly (Dekker's splitting)."""
    p = a * b
    a1 = 134217729.0 * a
    a1 = a1 - (a1 - a)
    b1 = 134217729.0 * b
    b1 = b1 - (b1 - b)
    return p, ((a1 * b1 - p) + a1 * (b - b1) + (a - a1) * b1) + (a - a1) * (b - b1)


def _gauss(x):
    """e^{-x²/2} = 2^k (w + w_lo), with x² formed exactly: the scale 2^k goes on last."""
    q, q_lo = _two_prod(x, x)
    a = -q / 2
    k = np.rint(np.nan_to_num(a) / np.log(2))
    m = np.expm1(((a - k * LN2_HI) - q_lo / 2) - k * LN2_LO)
    w = 1 + m
    return k.astype(np.int64), w, m - (w - 1)


def _pieces(x):
    """x clipped; Φ(x) in the centre and Φ(x)/2^k in the tail; e^{-x²/2} = 2^k·gauss."""
    x = np.asarray(x)
    wide = x.astype(np.float64)
    c = np.clip(wide, -LARGE, LARGE)
    z, z_lo = _two_prod(c, SQRT_HALF)
    z_lo = z_lo + c * SQRT_HALF_LO  # x/√2 = z + z_lo
    k, w, w_lo = _gauss(c)
    gauss = w + w_lo  # e^{-x²/2} / 2^k
    slope = RSQRT_PI * np.ldexp(gauss, k)  # dΦ/dz = e^{-z²}/√π, to correct for z_lo
    # Upper half and the centre: Φ = erfc(-x/√2)/2, no cancellation.
    centre = erfc(-z) / 2 + slope * z_lo
    # Lower tail: Φ = erfcx(y) e^{-x²/2} / 2 with y = -x/√2, kept unscaled by 2^k.
    y = np.maximum(-z, TAIL)
    tail = (erfcx(y) - z_lo * (2 * y * erfcx(y) - 2 * RSQRT_PI)) * gauss / 2
    in_tail = z < -TAIL
    return x, wide, c, in_tail, centre, tail, k, gauss


def _done(y, x):
    return y.astype(np.float32) if x.dtype == np.float32 else y


def f(x):
    """x·Φ(x), Φ from erfc(-x/√2)/2, or erfcx(-x/√2)·e^{-x²/2}/2 in the tail with x² exact."""
    x, wide, c, in_tail, centre, tail, k, _ = _pieces(x)
    y = np.where(in_tail, np.ldexp(c * tail, k), c * centre)
    y = np.where(wide > LARGE, wide, np.where(wide < -LARGE, 0.0, y))
    return _done(y, x)


def df(x):
    """Φ(x) + xφ(x); around its zero x0 a series in x - x0 that does not cancel, no erfc."""
    x, wide, c, in_tail, centre, tail, k, gauss = _pieces(x)
    p, p_lo = _two_prod(c * RSQRT_2PI, gauss)
    x_phi = p + (p_lo + c * RSQRT_2PI_LO * gauss)  # xφ(x) / 2^k
    y = np.where(in_tail, np.ldexp(tail + x_phi, k), centre + np.ldexp(x_phi, k))
    # Near x0 the two terms cancel; their differences from the values at x0 do not:
    # Φ(x) - Φ(x0) by the series, and with h = x - x0
    # xφ(x) - x0φ(x0) = φ(x0)(x·expm1(-h(x + x0)/2) + h).
    h = (np.clip(c, ROOT_HI - NEAR, ROOT_HI + NEAR) - ROOT_HI) - ROOT_LO
    area = np.zeros_like(h)
    for a in SERIES[::-1]:
        area = area * h + a
    bracket = area * h + (c * np.expm1(-h * (c + ROOT_HI) / 2) + h)
    near = PHI_ROOT * bracket + PHI_ROOT_LO * bracket
    y = np.where(np.abs(c - ROOT_HI) < NEAR, near, y)
    y = np.where(wide > LARGE, 1.0, np.where(wide < -LARGE, 0.0, y))
    return _done(y, x)
