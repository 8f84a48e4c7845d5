import keras


def f(x, alpha=1.0):
    """x for x > 0, α·expm1(x/α) below; zeroed x keeps grads finite."""
    negative = keras.ops.where(x > 0, 0.0, x)
    return keras.ops.where(x > 0, x, alpha * keras.ops.expm1(negative / alpha))
