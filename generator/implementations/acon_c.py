import numpy as np


def f(x, p1=1.0, p2=0.0, beta=1.0):
    """(p1 - p2)·x·σ(β(p1 - p2)x) + p2·x with x·σ(z) = x/(1 + e^{-z}): one division, no overflow."""
    x = np.asarray(x)
    wide = x.astype(np.float64)
    d = p1 - p2
    finite = np.where(np.isinf(wide), 0.0, wide)
    y = d * _x_sigmoid(finite, beta * d * finite) + p2 * finite
    rising = (wide > 0) == (beta * d > 0)  # σ(β(p1 - p2)x) → 1 as x goes to this end
    slope = np.where(beta * d == 0, (p1 + p2) / 2, np.where(rising, p1, p2))  # f ~ slope·x there
    with np.errstate(invalid="ignore"):  # 0·inf, discarded where the slope is 0
        limit = np.where(slope == 0, 0.0, slope * wide)
    y = np.where(np.isinf(wide), limit, y)
    return y.astype(np.float32) if x.dtype == np.float32 else y


def df(x, p1=1.0, p2=0.0, beta=1.0):
    """(p1 - p2)·s(β(p1 - p2)x) + p2, SiLU's slope s formed in exact pairs."""
    x = np.asarray(x)
    wide = x.astype(np.float64)
    d = p1 - p2
    z = beta * d * np.clip(wide, -1e300, 1e300)  # the slope has reached its limit beyond
    y = d * _silu_slope(z) + p2
    return y.astype(np.float32) if x.dtype == np.float32 else y


def _x_sigmoid(x, z):
    """x·σ(z) for finite x; (x·t)·t with t = e^{z/2} in the far tail keeps subnormal results."""
    near = x / (1 + np.exp(-np.maximum(z, -700.0)))
    t = np.exp(np.minimum(z, -700.0) / 2)
    return np.where(z >= -700, near, (x * t) * t)


def _silu_slope(z):
    """σ(z) + z σ'(z): (1 + e(1 + z))/(1 + e)² for z >= 0, e(1 + z + e)/(1 + e)² below.

    With e = e^{-|z|}, each sum and product is kept as a pair with its exact rounding error,
    so the quotient rounds about once. 1 + z + e vanishes at z = X0; near it e^z = e^{X0} e^{z - X0}
    with e^{X0} as an exact pair, so the cancellation is exact. Far left, e^z is formed as
    (e^{z/2})² to stay normal.
    """
    a = np.clip(z, -800.0, 800.0)  # the slope is 0 or 1 beyond
    e = np.exp(-np.abs(a))
    d = 1 + e
    d_lo = (1 - d) + e  # the exact rounding error of 1 + e
    square, square_lo = _two_prod(d, d)
    # numerator n + n_lo: for z < 0, 1 + z + e^z, exact near X0; for z >= 0, 1 + e(1 + z)
    u, u_lo = _two_sum(1.0, a)
    h = np.clip(a - X0, -0.125, 0.125)
    near_zero = np.abs(a - X0) < 0.125
    u = np.where(near_zero, u + E0, u)  # exact there
    e_part = np.where(near_zero, E0_LO + E0 * np.expm1(h), e)
    n, n_lo = _two_sum(u, e_part)
    n_lo += u_lo
    g, g_lo = _two_prod(e, u)
    m, m_lo = _two_sum(1.0, g)
    n = np.where(a >= 0, m, n)
    n_lo = np.where(a >= 0, m_lo + g_lo + e * u_lo, n_lo)
    # e^z times the numerator, (e^{z/2})² far left so it stays normal
    t = np.exp(np.minimum(a, 0.0) / 2)
    top, top_lo = _two_prod(np.where(a < 0, e, 1.0), n)
    top = np.where(a < -700, (t * n) * t, top)
    q = top / square
    top_error = top_lo / np.where(top == 0, 1.0, top)
    return q + q * (top_error + n_lo / n - square_lo / square - 2 * d_lo / d)


X0 = -1.2784645427610737  # the zero of the SiLU slope, -1 - W(1/e)
E0 = 0.27846454276107385  # e^{X0} = E0 + E0_LO
E0_LO = -2.658001456480662e-17


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
