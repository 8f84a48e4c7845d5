import numpy as np

from generator.implementations.kernels import two_sum


def f(x, alpha=1.0):
    """x (1 + alpha x^2)^{-1/2}, the sum's rounding corrected; 1/sqrt(alpha + 1/x^2) past 1e100."""
    x = np.asarray(x)
    wide = x.astype(np.float64)
    a = np.abs(wide)
    near = np.minimum(a, 1e100)
    s, error = two_sum(1.0, alpha * near * near)
    y = near * s**-0.5
    y = y - y * (error / (2 * s))  # (s + error)^{-1/2} = s^{-1/2} (1 - error/(2s))
    t = 1 / np.maximum(a, 1e100)
    far = 1 / np.sqrt(alpha + t * t)
    y = np.sign(wide) * np.where(a > 1e100, far, y)
    return y.astype(np.float32) if x.dtype == np.float32 else y


def df(x, alpha=1.0):
    """(1 + alpha x^2)^{-3/2} by one pow, the sum's rounding corrected; no x^2 past 1e100."""
    x = np.asarray(x)
    a = np.abs(x.astype(np.float64))
    near = np.minimum(a, 1e100)
    s, error = two_sum(1.0, alpha * near * near)
    y = s**-1.5
    y = y - y * (1.5 * error / s)  # (s + error)^{-3/2} = s^{-3/2} (1 - 3 error/(2s))
    t = 1 / np.maximum(a, 1e100)
    g = t / np.sqrt(alpha + t * t)  # (1 + alpha x^2)^{-1/2}, written without x^2
    y = np.where(a > 1e100, g * g * g, y)
    return y.astype(np.float32) if x.dtype == np.float32 else y
