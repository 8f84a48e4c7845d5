import keras


def f(x):
    """x + (√(x² + 1) − 1)/2, the root as hypot(x, 1), which cannot overflow."""
    return x + (keras.ops.hypot(x, 1.0) - 1) / 2
