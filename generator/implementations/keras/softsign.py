import keras


def f(x):
    """x/(1 + |x|): no exponential, and the denominator is at least 1."""
    return x / (1 + keras.ops.abs(x))
