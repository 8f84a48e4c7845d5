import numpy as np
from scipy.special import expit  # σ(x), no overflow for either sign


def f(x, beta=1.0):
    """log(1 + e^{βx})/β as (max(βx, 0) + log1p(e^{−|βx|}))/β: no overflow."""
    z = beta * np.asarray(x)
    return (np.maximum(z, 0.0) + np.log1p(np.exp(-np.abs(z)))) / beta


def df(x, beta=1.0):
    """σ(βx) by scipy.special.expit, which never overflows."""
    return expit(beta * np.asarray(x))
