import math

import jax.scipy.special


def f(x):
    """x·Φ(x), Φ(x) = erfc(−x/√2)/2, which keeps its digits in the left tail."""
    return x / 2 * jax.scipy.special.erfc(-x / math.sqrt(2))
