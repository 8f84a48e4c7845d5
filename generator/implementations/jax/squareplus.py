import math

import jax.numpy as jnp


def f(x, b=4.0):
    """(x + s)/2, s = hypot(x, √b): no x² overflow; x < 0 as b/(2(s − x))."""
    s = jnp.hypot(x, math.sqrt(b))
    # x < 0: x + s cancels, s − x does not; minimum keeps the unused side finite
    return jnp.where(
        x < 0, b / 4 / (s / 2 - jnp.minimum(x, 0.0) / 2), x / 2 + s / 2
    )
