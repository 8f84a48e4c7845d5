import numpy as np

from generator.implementations.kernels import (
    dd_add,
    dd_divide,
    dd_horner,
    dd_mul,
    narrow,
    widen_exp_minus_abs,
    with_limits,
)

LARGE = 800.0  # beyond this e^-|x| is 0 in float64 and the limits hold exactly
RATIO = 0.6  # the gate's limit tanh(ln 2) = 3/5, used beyond LARGE


def _gate(x):
    """tanh(ln(1 + sigma(x))) = s(2 + s)/(2 + 2s + s^2) as a ratio of polynomials in e^-|x|."""
    x, wide, c, j, v, e = widen_exp_minus_abs(x, LARGE)
    # x >= 0: (3 + 2e)/(5 + 6e + 2e^2).  x < 0: e(2 + 3e)/(2 + 6e + 5e^2).
    right = dd_horner(*e, 3.0, 2.0), dd_horner(*e, 5.0, 6.0, 2.0)
    left = dd_horner(*e, 2.0, 3.0), dd_horner(*e, 2.0, 6.0, 5.0)
    return x, wide, c, j, v, e, right, left


def f(x):
    """x times the gate, a ratio of polynomials in e^-|x| with positive terms, in double-double."""
    x, wide, c, j, v, _, right, left = _gate(x)
    right = dd_divide(*dd_mul(c, 0.0, *right[0]), *right[1])
    left = dd_divide(*dd_mul(*dd_mul(c, 0.0, *v), *left[0]), *left[1])
    y = np.where(c >= 0, sum(right), np.ldexp(sum(left), j))
    return narrow(with_limits(y, wide, -LARGE, LARGE, -0.0, RATIO * wide), x)


def df(x):
    """Gate plus x times its slope over one common denominator, in double-double, 2^j scale last."""
    x, wide, c, j, v, e, right, left = _gate(x)
    # x >= 0: ((3 + 2e) D + 4x e (1 + e)(2 + e)) / D^2.
    slope = dd_mul(*dd_mul(4 * c, 0.0, *e), *dd_horner(*e, 2.0, 3.0, 1.0))
    top = dd_add(*dd_mul(*right[0], *right[1]), *slope)
    right = dd_divide(*top, *dd_mul(*right[1], *right[1]))
    # x < 0: e ((2 + 3e) D + 4x (1 + e)(1 + 2e)) / D^2.
    slope = dd_mul(4 * c, 0.0, *dd_horner(*e, 1.0, 3.0, 2.0))
    top = dd_mul(*v, *dd_add(*dd_mul(*left[0], *left[1]), *slope))
    left = dd_divide(*top, *dd_mul(*left[1], *left[1]))
    y = np.where(c >= 0, sum(right), np.ldexp(sum(left), j))
    return narrow(with_limits(y, wide, -LARGE, LARGE, 0.0, RATIO), x)
