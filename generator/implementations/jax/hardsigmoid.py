import jax.numpy as jnp


def f(x):
    """(x + 3)/6 clipped to [0, 1]; x + 3 is exact near −3: no cancellation."""
    return jnp.clip((x + 3) / 6, 0.0, 1.0)
