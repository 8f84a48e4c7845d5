import keras


def f(x):
    """x·σ(1.702x); keras.ops.sigmoid never overflows, nor its gradient."""
    return x * keras.ops.sigmoid(1.702 * x)
