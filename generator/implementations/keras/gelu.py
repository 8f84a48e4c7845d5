import math

import keras


def f(x):
    """x·Φ(x), Φ(x) = erfc(−x/√2)/2, which keeps its digits in the left tail."""
    return x / 2 * keras.ops.erfc(-x / math.sqrt(2))
