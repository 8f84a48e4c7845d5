import numpy as np


def f(x, lower=0.125, upper=0.3333333333333333):
    """Eval mode: max(x, 0) + a·min(x, 0), a = (lower+upper)/2, one rounding."""
    return np.maximum(x, 0.0) + (lower + upper) / 2 * np.minimum(x, 0.0)


def df(x, lower=0.125, upper=0.3333333333333333):
    """1 for x > 0, else (lower + upper)/2 (also at the kink, as PyTorch)."""
    h = np.heaviside(x, 0.0)
    return h + (lower + upper) / 2 * (1 - h)
