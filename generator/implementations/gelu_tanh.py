import numpy as np

from generator.implementations.kernels import (
    dd_add,
    dd_divide,
    dd_mul,
    exp_scaled,
    narrow,
    two_prod,
    widen,
    with_limits,
    x_sigmoid,
)

LARGE = 30.0  # beyond this |2u| > 1900: e^-|2u| is 0 in float64 and the limits hold exactly
# Constants as sums of two doubles: 0.044715 as written, and √(2/π).
CUBIC, CUBIC_LO = 0.044715, 2.1960211427085595e-18
SCALE, SCALE_LO = 0.7978845608028654, -4.98465440455546e-17


def _parts(x):
    """x clipped; 2u = 2√(2/π)(x + 0.044715x³) and 2xu' = 2√(2/π)(x + 3·0.044715x³) as pairs."""
    x, wide = widen(x)
    c = np.clip(wide, -LARGE, LARGE)
    cubic = dd_mul(*dd_mul(CUBIC, CUBIC_LO, *two_prod(c, c)), c, 0.0)  # 0.044715x³
    u = dd_mul(2 * SCALE, 2 * SCALE_LO, *dd_add(c, 0.0, *cubic))
    slope = dd_mul(2 * SCALE, 2 * SCALE_LO, *dd_add(c, 0.0, 3 * cubic[0], 3 * cubic[1]))
    return x, wide, c, u, slope


def f(x):
    """x/2·(1 + tanh u) = x·σ(2u), 2u and e^-|2u| carried in two parts, the 2^k scale last."""
    x, wide, c, u, _ = _parts(x)
    return narrow(with_limits(x_sigmoid(c, *u), wide, -LARGE, LARGE, 0.0, wide), x)


def df(x):
    """σ(2u)(1 + 2xu'σ(-2u)) as a ratio in e^-|2u| in double-double, so the zero cancels exactly."""
    x, wide, _, u, slope = _parts(x)
    neg = u[0] < 0
    k, w, w_lo = exp_scaled(-np.abs(u[0]), np.where(neg, u[1], -u[1]))  # e^-|2u| = 2^k w
    e = np.ldexp(w, k), np.ldexp(w_lo, k)
    one = dd_add(1.0, 0.0, *e)
    bottom = dd_mul(*one, *one)
    right = dd_divide(*dd_add(*one, *dd_mul(*slope, *e)), *bottom)
    left = dd_divide(*dd_mul(w, w_lo, *dd_add(*one, *slope)), *bottom)
    y = np.where(neg, np.ldexp(np.add(*left), k), np.add(*right))
    return narrow(with_limits(y, wide, -LARGE, LARGE, 0.0, 1.0), x)
