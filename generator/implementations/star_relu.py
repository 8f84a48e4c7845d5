import numpy as np

from generator.implementations.kernels import two_prod, two_sum


def f(x, scale=0.8944, bias=-0.4472):
    """scale * max(x, 0)^2 + bias with the products kept as exact pairs, so the sum rounds once."""
    x = np.asarray(x)
    r = np.maximum(x.astype(np.float64), 0.0)
    small = np.minimum(r, 1e150)  # the exact products below stay finite
    square, square_error = two_prod(small, small)
    product, product_error = two_prod(scale, square)
    total, total_error = two_sum(product, bias)
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
