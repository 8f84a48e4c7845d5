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
    """sigma(x)(1 + x(1 - sigma(x))) as a ratio in e = e^-|x|, double-double, 2^j scale last."""
    x, wide, c, j, v, e = widen_exp_minus_abs(x, LARGE)
    square = dd_horner(*e, 1.0, 2.0, 1.0)  # (1 + e)^2
    # x >= 0: (1 + e(1 + x)) / (1 + e)^2, positive terms.
    top = dd_add(1.0, 0.0, *dd_mul(*e, *two_sum(1.0, c)))
    right = dd_divide(*top, *square)
    # x < 0: 2^j v (1 + x + e) / (1 + e)^2; 1 + x + e is exact enough near its zero.
    top = dd_mul(*v, *dd_add(*two_sum(1.0, c), *e))
    left = dd_divide(*top, *square)
    y = np.where(c >= 0, sum(right), np.ldexp(sum(left), j))
    return narrow(with_limits(y, wide, -LARGE, LARGE, 0.0, 1.0), x)


def df(x):
    """e(2(1 + e) - |x|(1 - e))/(1 + e)^3, e = e^-|x|, in double-double: exact near its zeros."""
    x, wide, c, j, v, e = widen_exp_minus_abs(x, LARGE)
    a = np.abs(c)
    top = dd_add(*two_sum(2.0, -a), *dd_mul(*e, *two_sum(2.0, a)))
    y = dd_divide(*dd_mul(*v, *top), *dd_horner(*e, 1.0, 3.0, 3.0, 1.0))
    return narrow(with_limits(np.ldexp(sum(y), j), wide, -LARGE, LARGE, 0.0, 0.0), x)
