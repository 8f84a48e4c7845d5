import numpy as np


def f(x):
    """x + (√(x²+1) − 1)/2 = x(1 + tanh(asinh(x)/2)/2): no cancelling, no x²."""
    # = x/(√(x²+1) + 1), in (−1, 1), no x² formed
    t = np.tanh(np.arcsinh(x) / 2)
    with np.errstate(over="ignore"):  # past ±1.2e308 the true value is ±inf
        return x * (1 + t / 2)


def df(x):
    """1 + x/(2√(x²+1)), x/√(x²+1) as tanh(asinh x), which cannot overflow."""
    return 1 + np.tanh(np.arcsinh(x)) / 2
