import math

import jax.numpy as jnp


def f(x):
    """log((1+eˣ)/2) = log1p(expm1(x)/2), nothing cancels; x − ln 2 from 40."""
    small = jnp.log1p(jnp.expm1(jnp.minimum(x, 40.0)) / 2)
    return jnp.where(x < 40, small, x - math.log(2))
