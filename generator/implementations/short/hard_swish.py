import numpy as np


def f(x):
    """x·ReLU6(x + 3)/6 = t(t + 3)/6, t = x clipped to [−3, 3]; x from 3 on."""
    # t + 3 is exact near −3, where the product is small
    t = np.clip(x, -3.0, 3.0)
    return np.where(t < 3, t * (t + 3) / 6, x)


def df(x):
    """0 up to −3, (2x + 3)/6 between, 1 from 3 on (PyTorch's values at ±3)."""
    # no 2x overflow; NaN stays NaN through the last branch
    t = np.clip(x, -3.0, 3.0)
    return np.where(t <= -3, 0.0, np.where(t >= 3, 1.0, (2 * t + 3) / 6))
