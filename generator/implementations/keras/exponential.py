import keras


def f(x):
    """eˣ with keras.ops.exp; inf only where eˣ exceeds the format."""
    return keras.ops.exp(x)
