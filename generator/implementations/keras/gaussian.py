import keras


def f(x):
    """e^{−x²} by keras.ops.exp; x² overflows only to inf, and e^{−inf} = 0."""
    return keras.ops.exp(-x * x)
