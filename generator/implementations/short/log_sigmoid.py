import numpy as np
from scipy.special import expit, log_expit


def f(x):
    """log σ(x) by scipy.special.log_expit: log1p, and it never overflows."""
    return log_expit(x)


def df(x):
    """σ(−x) by scipy.special.expit, which never overflows."""
    return expit(np.negative(x))
