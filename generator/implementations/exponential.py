import numpy as np


def _rounded_exp(x):
    x = np.asarray(x)
    wide = x.astype(np.float64)
    # Past log(max float) the exact value is not representable: inf is the rounded answer.
    with np.errstate(over="ignore"):
        y = np.exp(wide)
        return y.astype(np.float32) if x.dtype == np.float32 else y


def f(x):
    """e^x, computed in float64 and rounded once; inf exactly where e^x exceeds the format."""
    return _rounded_exp(x)


def df(x):
    """(e^x)' = e^x, the same function."""
    return _rounded_exp(x)
