import numpy as np
from scipy.special import expit  # σ(x), no overflow for either sign


def f(x):
    """1/(1 + e^{−x}) as scipy.special.expit, which never overflows."""
    return expit(x)


def df(x):
    """σ(x)·σ(−x) = σ(x)(1 − σ(x)), without the 1 − σ cancellation for x ≫ 0."""
    return expit(x) * expit(np.negative(x))
