import numpy as np

from generator.implementations.kernels import two_sum


def f(x):
    """x/(1 + |x|), with x capped at 1e300 (where it is +-1 anyway), so inf/inf never happens."""
    x = np.asarray(x)
    wide = np.clip(x.astype(np.float64), -1e300, 1e300)
    y = wide / (1 + np.abs(wide))
    return y.astype(np.float32) if x.dtype == np.float32 else y


def df(x):
    """1/(1 + |x|)^2 with the sum's rounding corrected; (1/|x|)^2 past 1e150, so no overflow."""
    x = np.asarray(x)
    a = np.abs(x.astype(np.float64))
    s, error = two_sum(1.0, np.minimum(a, 1e150))
    near = 1 / (s * s)
    near = near - near * (2 * error / s)  # (s + error)^-2 = s^-2 (1 - 2 error/s)
    far = 1 / np.maximum(a, 1e150)
    y = np.where(a > 1e150, far * far, near)
    return y.astype(np.float32) if x.dtype == np.float32 else y
