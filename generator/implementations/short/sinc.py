import numpy as np


def f(x):
    """sin(x)/x, 1 at 0; sin gets 0 at ±inf (no warning): 0/±inf, the limit."""
    zero = np.equal(x, 0)
    s = np.sin(np.where(np.isinf(x), 0.0, x))
    return np.where(zero, 1.0, s / np.where(zero, 1.0, x))


def df(x):
    """(cos x − sin(x)/x)/x for |x| ≥ 1, else a Taylor series: no cancelling."""
    t = np.clip(x, -1.0, 1.0)
    y, s = t * t, 1.0
    # −x/3·(1 − x²/10·(1 − x²/28·(…))), by Horner in x²
    for n in range(9, 0, -1):
        s = 1 - y * s / (2 * n * (2 * n + 3))
    u = np.where(np.abs(x) < 1, 1.0, x)
    w = np.where(np.isinf(u), 0.0, u)  # sin(±inf) would warn; (1 − 0)/±inf = 0
    return np.where(np.abs(x) < 1, -t / 3 * s, (np.cos(w) - np.sin(w) / u) / u)
