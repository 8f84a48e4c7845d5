import numpy as np

LARGE = 800.0  # beyond this e^-|x| is 0 in float64 and the limits hold exactly
LN2_HI = 0.6931471803691238  # ln 2 to 32 bits, so k * LN2_HI is exact
LN2_LO = 1.9082149292705877e-10  # ln 2 - LN2_HI
# x0, where mish' changes sign, and e^x0, each as a sum of two doubles.
ROOT_HI, ROOT_LO = -1.1924312145154952, -4.8484829848031044e-17
E0, E0_LO = 0.3034825352815289, 1.981117434764409e-17


def _exp(x):
    """e^x = 2^k (w + w_lo), x <= 0; expm1 of the reduced argument keeps w within an ULP."""
    k = np.rint(np.nan_to_num(x) / np.log(2))
    m = np.expm1((x - k * LN2_HI) - k * LN2_LO)
    w = 1 + m
    return k.astype(np.int64), w, m - (w - 1)


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


def _mul(a, a_lo, b, b_lo):
    p, p_lo = _two_prod(a, b)
    return p, p_lo + (a * b_lo + a_lo * b)


def _add(a, a_lo, b, b_lo):
    s, s_lo = _two_sum(a, b)
    return s, s_lo + (a_lo + b_lo)


def _divide(n, n_lo, d, d_lo):
    """(n + n_lo) / (d + d_lo), rounded about once."""
    q = n / d
    p, p_lo = _two_prod(q, d)
    return q + (((n - p) - p_lo) + n_lo - q * d_lo) / d


def _parts(x):
    """The input, x clipped to ±LARGE, and e = e^-|x| as 2^k (w + w_lo) and as e + e_lo."""
    x = np.asarray(x)
    wide = x.astype(np.float64)
    c = np.clip(wide, -LARGE, LARGE)
    k, w, w_lo = _exp(-np.abs(c))
    return x, wide, c, k, w, w_lo, np.ldexp(w, k), np.ldexp(w_lo, k)


def _done(y, x):
    return y.astype(np.float32) if x.dtype == np.float32 else y


def f(x):
    """x·tanh(softplus x) as a ratio of polynomials in e^-|x|, in double-double, 2^k scale last."""
    x, wide, c, k, w, w_lo, e, e_lo = _parts(x)
    # x >= 0, e = e^-x: x (1 + 2e) / (1 + 2e + 2e^2).
    top = _add(1.0, 0.0, 2 * e, 2 * e_lo)
    bottom = _add(*top, *_mul(2 * e, 2 * e_lo, e, e_lo))
    right = _divide(*_mul(c, 0.0, *top), *bottom)
    # x < 0, e = e^x = 2^k (w + w_lo): x e (e + 2) / (e (e + 2) + 2).
    plus = _add(2.0, 0.0, e, e_lo)
    bottom = _add(2.0, 0.0, *_mul(e, e_lo, *plus))
    left = np.ldexp(_divide(*_mul(*_mul(c, 0.0, w, w_lo), *plus), *bottom), k)
    y = np.where(c >= 0, right, left)
    y = np.where(wide > LARGE, wide, np.where(wide < -LARGE, 0.0, y))
    return _done(y, x)


def df(x):
    """A ratio of polynomials in e^-|x|, in double-double; the numerator expanded about its zero."""
    x, wide, c, k, w, w_lo, e, e_lo = _parts(x)
    # x >= 0: N/D + 4x e^2 (1 + e)/D^2, N = 1 + 2e, D = N + 2e^2.
    top = _add(1.0, 0.0, 2 * e, 2 * e_lo)
    square = _mul(e, e_lo, e, e_lo)
    bottom = _add(*top, 2 * square[0], 2 * square[1])
    first = _divide(*top, *bottom)
    second = _divide(
        *_mul(*_mul(4 * c, 0.0, *square), *_add(1.0, 0.0, e, e_lo)), *_mul(*bottom, *bottom)
    )
    right = first + second
    # x < 0: P directly, or near the zero x0 as a sum of like-signed terms in h = x - x0:
    # P = 4h + e0 (4h + (6 + 4x) expm1(h)) + 4 e0^2 expm1(2h) + e0^3 expm1(3h).
    neg = np.minimum(c, 0)
    far = _add(*_mul(4.0, 0.0, *_two_sum(1.0, neg)), *_mul(e, e_lo, *_two_sum(6.0, 4 * neg)))
    far = _add(*far, *_mul(*square, *_add(4.0, 0.0, e, e_lo)))
    h = (neg - ROOT_HI) - ROOT_LO
    inner = _add(4 * h, 0.0, *_mul(6 + 4 * neg, 0.0, np.expm1(h), 0.0))
    near = _add(4 * h, 0.0, *_mul(E0, E0_LO, *inner))
    e0_2 = _mul(E0, E0_LO, E0, E0_LO)
    near = _add(*near, *_mul(4 * e0_2[0], 4 * e0_2[1], np.expm1(2 * h), 0.0))
    near = _add(*near, *_mul(*_mul(*e0_2, E0, E0_LO), np.expm1(3 * h), 0.0))
    close = np.abs(h) < 0.5
    p = (np.where(close, near[0], far[0]), np.where(close, near[1], far[1]))
    q = _add(*_add(2.0, 0.0, 2 * e, 2 * e_lo), *square)
    left = np.ldexp(_divide(*_mul(w, w_lo, *p), *_mul(*q, *q)), k)
    y = np.where(c >= 0, right, left)
    y = np.where(wide > LARGE, 1.0, np.where(wide < -LARGE, 0.0, y))
    return _done(y, x)
