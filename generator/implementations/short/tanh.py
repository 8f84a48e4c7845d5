import numpy as np


def f(x):
    """tanh from the C library, which saturates to ±1 without overflow."""
    return np.tanh(x)


def df(x):
    """sech² x = (2t/(1 + t²))², t = e^(−|x|) ≤ 1: no 1 − tanh² cancelling."""
    t = np.exp(-np.abs(x))
    return (2 * t / (1 + t * t)) ** 2
