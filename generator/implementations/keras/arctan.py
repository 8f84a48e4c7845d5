import keras


def f(x):
    """arctan x by keras.ops.arctan; its slope 1/(1 + x²) never gives NaN."""
    return keras.ops.arctan(x)
