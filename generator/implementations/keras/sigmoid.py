import keras


def f(x):
    """1/(1 + e^{−x}) for x > 0, else eˣ/(1 + eˣ): the exponent is ≤ 0."""
    e = keras.ops.exp(keras.ops.where(x > 0, -x, x))  # e^{−|x|}, at most 1
    return keras.ops.where(x > 0, 1 / (1 + e), e / (1 + e))
