import numpy as np

# π/4 = PI_4 + PI_4_LO
PI_4, PI_4_LO = 0.7853981633974483, 3.061616997868383e-17


def f(x, alpha=1.0):
    """x + sin²(αx)/α; at ±inf sin gets 0 (no warning): the limits are ±inf."""
    return x + np.sin(alpha * np.where(np.isinf(x), 0.0, x)) ** 2 / alpha


def df(x, alpha=1.0):
    """1 + sin 2αx = 2 sin² θ, θ = αx + π/4 in two parts: exact double zeros."""
    x = np.asarray(x)
    # ±inf → NaN
    a = alpha * np.where(np.isinf(x), np.nan, x).astype(np.float64)
    s = a + PI_4
    # αx + π/4 = s + e, e lost by rounding s (tiny)
    e = (a - s) + PI_4 + PI_4_LO
    g = np.sin(s) + np.cos(s) * e  # sin(s + e), to first order in e
    return (2 * g * g).astype(np.result_type(x, 1.0))  # float32 in, float32 out
