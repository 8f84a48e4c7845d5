import keras

SCALE = 1.0507009873554805  # λ
SCALE_ALPHA = 1.7580993408473768  # λα, rounded once


def f(x):
    """λx for x > 0, else λα·expm1(x); x ≤ 0 in expm1 keeps its slope finite."""
    negative = keras.ops.where(x > 0, 0.0, x)
    below = SCALE_ALPHA * keras.ops.expm1(negative)
    return keras.ops.where(x > 0, SCALE * x, below)
