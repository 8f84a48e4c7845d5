import keras


def f(x):
    """|x| with keras.ops.abs, exact; autograd gives sign(x) away from 0."""
    return keras.ops.abs(x)
