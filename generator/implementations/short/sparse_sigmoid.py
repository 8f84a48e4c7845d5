import numpy as np


def f(x):
    """(x + 1)/2 clipped to [0, 1]: exact halving; clip passes NaN through."""
    return np.clip((np.asarray(x) + 1) / 2, 0.0, 1.0)


def df(x):
    """1/2 on [−1, 1), else 0: a difference of two steps, exact; keeps NaN."""
    x = np.asarray(x)
    return (np.heaviside(x + 1, 1.0) - np.heaviside(x - 1, 1.0)) / 2
