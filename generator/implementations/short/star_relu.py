import numpy as np


def f(x, scale=0.8944, bias=-0.4472):
    """scale·max(x, 0)² + bias; past √max the square rounds to inf: no error."""
    r = np.maximum(x, 0.0)
    with np.errstate(over="ignore"):
        return scale * r * r + bias


def df(x, scale=0.8944, bias=-0.4472):
    """2·scale·max(x, 0); past the float range it rounds to inf (no error)."""
    with np.errstate(over="ignore"):
        return (2 * scale) * np.maximum(x, 0.0)
