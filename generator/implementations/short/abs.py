import numpy as np


def f(x):
    """|x|, exact; np.fabs also returns floats for integer input."""
    return np.fabs(x)


def df(x):
    """sign(x), exact; 0 at 0 (the minimum-norm subgradient, as torch.abs)."""
    return np.sign(x) * 1.0  # integers become floats, float32 stays float32
