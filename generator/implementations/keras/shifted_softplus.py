import math

import keras


def f(x):
    """log((1 + eˣ)/2) = log1p(expm1(x)/2): exact near 0; x − ln 2 from 40."""
    small = keras.ops.log1p(keras.ops.expm1(keras.ops.minimum(x, 40.0)) / 2)
    return keras.ops.where(x < 40, small, x - math.log(2))
