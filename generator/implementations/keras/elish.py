import keras


def f(x):
    """x·σ(x) for x ≥ 0, expm1(x)·σ(x) below; zeroed x keeps grads finite."""
    negative = keras.ops.where(x >= 0, 0.0, x)
    u = keras.ops.where(x >= 0, x, keras.ops.expm1(negative))
    return u * keras.ops.sigmoid(x)
