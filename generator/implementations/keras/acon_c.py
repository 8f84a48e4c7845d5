import keras


def f(x, p1=1.0, p2=0.0, beta=1.0):
    """(p1 − p2)·x·σ(β(p1 − p2)x) + p2·x; keras.ops.sigmoid never overflows."""
    d = p1 - p2
    return d * x * keras.ops.sigmoid(beta * d * x) + p2 * x
