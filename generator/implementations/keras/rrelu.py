import keras


def f(x, lower=0.125, upper=0.3333333333333333):
    """Evaluation mode: x for x > 0, else x times the mean slope of the two."""
    return keras.ops.where(x > 0, x, (lower + upper) / 2 * x)
