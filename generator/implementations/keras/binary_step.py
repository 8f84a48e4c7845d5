import keras


def f(x):
    """1 for x ≥ 0 (−0.0 too), else 0, by heaviside: gradient 0, NaN stays."""
    return keras.ops.heaviside(x, 1.0)
