import keras


def f(x):
    """tanh x = 2σ(2x) − 1 with keras.ops.sigmoid, which never overflows."""
    return 2 * keras.ops.sigmoid(2 * x) - 1
