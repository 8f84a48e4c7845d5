import numpy as np

from generator.implementations.kernels import (
    dd_add,
    dd_divide,
    dd_mul,
    exp_scaled_dd,
    expm1_scaled_dd,
    narrow,
    two_sum,
    widen,
    with_limits,
)

LARGE = 800.0  # below -LARGE x·e^x underflows to 0 in float64
TOP = 4.0  # above this tanh(e^x) = 1 - 2e^-109 (or closer): f is x and f' is 1


def _parts(x):
    """x clipped; e^x = 2^j (v + v_lo); q = e^(-2 e^x); tanh(e^x)/e^x = T; all double-double."""
    x, wide = widen(x)
    c = np.clip(wide, -LARGE, TOP)
    j, v, v_lo = exp_scaled_dd(c)
    # Below 1e-300 tanh(E)/E and sech^2(E) are 1 in double-double: no need for E itself.
    big = np.ldexp(v, j) > 1e-300
    e = np.where(big, np.ldexp(v, j), 1e-300)
    e_lo = np.where(big, np.ldexp(v_lo, j), 0.0)
    k, n, n_lo = expm1_scaled_dd(-2 * e, -2 * e_lo)
    # q - 1 = 2^k n + (2^k - 1), exact to double-double even when q is close to 1.
    minus = dd_add(np.ldexp(n, k), np.ldexp(n_lo, k), *two_sum(np.ldexp(1.0, k), -1.0))
    plus = dd_add(2.0, 0.0, *minus)
    t = dd_divide(-minus[0], -minus[1], *dd_mul(*plus, e, e_lo))
    return x, wide, c, j, (v, v_lo), minus, plus, t


def f(x):
    """x·e^x·T with T = tanh(e^x)/e^x = -(q - 1)/((q + 1) e^x), q = e^(-2e^x), q - 1 exact."""
    x, wide, c, j, v, _, _, t = _parts(x)
    p, p_lo = dd_mul(*dd_mul(c, 0.0, *v), *t)
    return narrow(with_limits(np.ldexp(p + p_lo, j), wide, -LARGE, TOP, 0.0, wide), x)


def df(x):
    """e^x (T + x sech^2(e^x)), sech^2 = 4q/(1 + q)^2, in double-double: exact near its zero."""
    x, wide, c, j, v, minus, plus, t = _parts(x)
    q = dd_add(1.0, 0.0, *minus)
    sech = dd_divide(*dd_mul(4.0, 0.0, *q), *dd_mul(*plus, *plus))
    p, p_lo = dd_mul(*v, *dd_add(*t, *dd_mul(c, 0.0, *sech)))
    return narrow(with_limits(np.ldexp(p + p_lo, j), wide, -LARGE, TOP, 0.0, 1.0), x)
