import numpy as np

from generator.implementations.kernels import (
    dd_add,
    dd_divide,
    dd_horner,
    dd_mul,
    narrow,
    two_sum,
    widen_exp_minus_abs,
    with_limits,
)

LARGE = 800.0  # beyond this e^-|x| is 0 in float64 and the limits hold exactly


def f(x):
    """x/(1 + e^-x), or (e^x - 1) e^x/(1 + e^x), e^x - 1 exact: double-double, 2^j scale last."""
    x, wide, c, j, v, e = widen_exp_minus_abs(x, LARGE)
    plus = dd_add(1.0, 0.0, *e)
    right = dd_divide(c, 0.0, *plus)
    # x < 0: e^x - 1 = 2^j m + (2^j - 1), m = v - 1.
    m = dd_add(*v, -1.0, 0.0)
    minus = dd_add(np.ldexp(m[0], j), np.ldexp(m[1], j), *two_sum(np.ldexp(1.0, j), -1.0))
    left = dd_divide(*dd_mul(*v, *minus), *plus)
    y = np.where(c >= 0, sum(right), np.ldexp(sum(left), j))
    return narrow(with_limits(y, wide, -LARGE, LARGE, -0.0, wide), x)


def df(x):
    """(1 + e(1 + x))/(1 + e)^2, or e((1 + e)^2 - 2)/(1 + e)^2 if x < 0; e = e^-|x|."""
    x, wide, c, j, v, e = widen_exp_minus_abs(x, LARGE)
    square = dd_horner(*e, 1.0, 2.0, 1.0)
    top = dd_add(1.0, 0.0, *dd_mul(*e, *two_sum(1.0, c)))
    right = dd_divide(*top, *square)
    left = dd_divide(*dd_mul(*v, *dd_add(*square, -2.0, 0.0)), *square)
    y = np.where(c >= 0, sum(right), np.ldexp(sum(left), j))
    return narrow(with_limits(y, wide, -LARGE, LARGE, 0.0, 1.0), x)
