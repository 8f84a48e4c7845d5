import numpy as np

from generator.implementations.kernels import (
    dd_add,
    dd_mul,
    exp_scaled_dd,
    narrow,
    widen,
    with_limits,
)

LARGE = 800.0  # beyond this e^-x is 0 in float64, so the gate is exactly 1
SMALL = -8.0  # below this e^-x > 2900 and the gate exp(-e^-x) underflows to 0


def _gate(x):
    """The input, x clipped, e^-x as e + e_lo and the gate exp(-e^-x) as 2^k (w + w_lo)."""
    x, wide = widen(x)
    c = np.clip(wide, SMALL, LARGE)
    j, e, e_lo = exp_scaled_dd(-c)
    e, e_lo = np.ldexp(e, j), np.ldexp(e_lo, j)
    return x, wide, c, e, e_lo, *exp_scaled_dd(-e, -e_lo)


def f(x):
    """x·exp(-e^-x), e^-x in double-double: the gate keeps its digits where e^-x is large."""
    x, wide, c, _, _, k, w, w_lo = _gate(x)
    p, p_lo = dd_mul(c, 0.0, w, w_lo)
    return narrow(with_limits(np.ldexp(p + p_lo, k), wide, SMALL, LARGE, 0.0, wide), x)


def df(x):
    """exp(-e^-x)(1 + x e^-x) in double-double, so 1 + x e^-x keeps its digits near its zero."""
    x, wide, c, e, e_lo, k, w, w_lo = _gate(x)
    g = dd_add(1.0, 0.0, *dd_mul(c, 0.0, e, e_lo))
    p, p_lo = dd_mul(w, w_lo, *g)
    return narrow(with_limits(np.ldexp(p + p_lo, k), wide, SMALL, LARGE, 0.0, 1.0), x)
