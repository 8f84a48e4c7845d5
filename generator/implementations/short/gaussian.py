import numpy as np


def f(x):
    """e^{−x²} as e^{−h²}·e^{−(x−h)(x+h)}, h = x rounded to 1/64: h² exact."""
    # e^{−1600} is 0 already, and nothing can overflow
    x = np.clip(x, -40.0, 40.0)
    h = np.round(x * 64) / 64
    return np.exp(-h * h) * np.exp((h - x) * (x + h))


def df(x):
    """−2x·e^{−x²}; x clipped to ±40, where the slope is 0 already: no inf·0."""
    return -2 * np.clip(x, -40.0, 40.0) * f(x)
