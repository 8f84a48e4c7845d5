import keras


def f(x, threshold=1.0, value=0.0):
    """x above the threshold, else value: a selection, exact; NaN stays."""
    return keras.ops.where(x <= threshold, value, x)
