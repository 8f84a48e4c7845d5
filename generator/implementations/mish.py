import numpy as np

from generator.implementations.kernels import (
    dd_add,
    dd_divide,
    dd_mul,
    exp_scaled,
    narrow,
    two_sum,
    widen,
    with_limits,
)

LARGE = 800.0  # beyond this e^-|x| is 0 in float64 and the limits hold exactly
# x0, where mish' changes sign, and e^x0, each as a sum of two doubles.
ROOT_HI, ROOT_LO = -1.1924312145154952, -4.8484829848031044e-17
E0, E0_LO = 0.3034825352815289, 1.981117434764409e-17


def _parts(x):
    """The input, x clipped to ±LARGE, and e = e^-|x| as 2^k (w + w_lo) and as e + e_lo."""
    x, wide = widen(x)
    c = np.clip(wide, -LARGE, LARGE)
    k, w, w_lo = exp_scaled(-np.abs(c))
    return x, wide, c, k, w, w_lo, np.ldexp(w, k), np.ldexp(w_lo, k)


def f(x):
    """x·tanh(softplus x) as a ratio of polynomials in e^-|x|, in double-double, 2^k scale last."""
    x, wide, c, k, w, w_lo, e, e_lo = _parts(x)
    # x >= 0, e = e^-x: x (1 + 2e) / (1 + 2e + 2e^2).
    top = dd_add(1.0, 0.0, 2 * e, 2 * e_lo)
    bottom = dd_add(*top, *dd_mul(2 * e, 2 * e_lo, e, e_lo))
    right = np.add(*dd_divide(*dd_mul(c, 0.0, *top), *bottom))
    # x < 0, e = e^x = 2^k (w + w_lo): x e (e + 2) / (e (e + 2) + 2).
    plus = dd_add(2.0, 0.0, e, e_lo)
    bottom = dd_add(2.0, 0.0, *dd_mul(e, e_lo, *plus))
    left = np.ldexp(np.add(*dd_divide(*dd_mul(*dd_mul(c, 0.0, w, w_lo), *plus), *bottom)), k)
    return narrow(with_limits(np.where(c >= 0, right, left), wide, -LARGE, LARGE, 0.0, wide), x)


def df(x):
    """A ratio of polynomials in e^-|x|, in double-double; the numerator expanded about its zero."""
    x, wide, c, k, w, w_lo, e, e_lo = _parts(x)
    # x >= 0: N/D + 4x e^2 (1 + e)/D^2, N = 1 + 2e, D = N + 2e^2.
    top = dd_add(1.0, 0.0, 2 * e, 2 * e_lo)
    square = dd_mul(e, e_lo, e, e_lo)
    bottom = dd_add(*top, 2 * square[0], 2 * square[1])
    first = np.add(*dd_divide(*top, *bottom))
    second = np.add(
        *dd_divide(
            *dd_mul(*dd_mul(4 * c, 0.0, *square), *dd_add(1.0, 0.0, e, e_lo)),
            *dd_mul(*bottom, *bottom),
        )
    )
    right = first + second
    # x < 0: P directly, or near the zero x0 as a sum of like-signed terms in h = x - x0:
    # P = 4h + e0 (4h + (6 + 4x) expm1(h)) + 4 e0^2 expm1(2h) + e0^3 expm1(3h).
    neg = np.minimum(c, 0)
    far = dd_add(*dd_mul(4.0, 0.0, *two_sum(1.0, neg)), *dd_mul(e, e_lo, *two_sum(6.0, 4 * neg)))
    far = dd_add(*far, *dd_mul(*square, *dd_add(4.0, 0.0, e, e_lo)))
    h = (neg - ROOT_HI) - ROOT_LO
    inner = dd_add(4 * h, 0.0, *dd_mul(6 + 4 * neg, 0.0, np.expm1(h), 0.0))
    near = dd_add(4 * h, 0.0, *dd_mul(E0, E0_LO, *inner))
    e0_2 = dd_mul(E0, E0_LO, E0, E0_LO)
    near = dd_add(*near, *dd_mul(4 * e0_2[0], 4 * e0_2[1], np.expm1(2 * h), 0.0))
    near = dd_add(*near, *dd_mul(*dd_mul(*e0_2, E0, E0_LO), np.expm1(3 * h), 0.0))
    close = np.abs(h) < 0.5
    p = (np.where(close, near[0], far[0]), np.where(close, near[1], far[1]))
    q = dd_add(*dd_add(2.0, 0.0, 2 * e, 2 * e_lo), *square)
    left = np.ldexp(np.add(*dd_divide(*dd_mul(w, w_lo, *p), *dd_mul(*q, *q))), k)
    return narrow(with_limits(np.where(c >= 0, right, left), wide, -LARGE, LARGE, 0.0, 1.0), x)
