import numpy as np


def f(x, scale=0.8944, bias=-0.4472):
    """scale * max(x, 0)^2 + bias with the products kept as exact pairs, so the sum rounds once."""
    x = np.asarray(x)
    r = np.maximum(x.astype(np.float64), 0.0)
    small = np.minimum(r, 1e150)  # the exact products below stay finite
    square, square_error = _two_prod(small, small)
    product, product_error = _two_prod(scale, square)
    total, total_error = _two_sum(product, bias)
    careful = total + (total_error + product_error + scale * square_error)
    with np.errstate(over="ignore"):  # beyond float64's range the rounded value is inf
        y = np.where(r < 1e150, careful, scale * r * r)
        return y.astype(np.float32) if x.dtype == np.float32 else y


def df(x, scale=0.8944, bias=-0.4472):
    """2 * scale * max(x, 0): one rounded product after an exact doubling."""
    x = np.asarray(x)
    with np.errstate(over="ignore"):  # beyond float's range the rounded value is inf
        y = (2 * scale) * np.maximum(x.astype(np.float64), 0.0)
        return y.astype(np.float32) if x.dtype == np.float32 else y


def _split(a):
    """Split a into a high half of 26 bits and the rest (Dekker), so half-products are exact."""
    c = 134217729.0 * a
    high = c - (c - a)
    return high, a - high


def _two_prod(a, b):
    """a * b as the rounded product and its exact rounding error."""
    p = a * b
    ah, al = _split(a)
    bh, bl = _split(b)
    return p, ((ah * bh - p) + ah * bl + al * bh) + al * bl


def _two_sum(a, b):
    """a + b as the rounded sum and its exact rounding error (Knuth)."""
    s = a + b
    v = s - a
    return s, (a - (s - v)) + (b - v)
