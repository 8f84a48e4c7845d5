import numpy as np

from generator.implementations.kernels import two_sum


def f(x):
    """arctan x from the C library: about 0.5 ULP, and it tends to +-pi/2 without overflow."""
    x = np.asarray(x)
    y = np.arctan(x.astype(np.float64))
    return y.astype(np.float32) if x.dtype == np.float32 else y


def df(x):
    """1/(1 + x^2) sum's rounding corrected; (1/|x|)/|x| past 1e150, so x^2 never overflows."""
    x = np.asarray(x)
    a = np.abs(x.astype(np.float64))
    s, error = two_sum(1.0, np.square(np.minimum(a, 1e150)))
    near = 1 / s
    near = near - near * (error / s)  # 1/(s + error) = (1/s)(1 - error/s)
    far = np.maximum(a, 1e150)
    y = np.where(a > 1e150, 1 / far / far, near)
    return y.astype(np.float32) if x.dtype == np.float32 else y
