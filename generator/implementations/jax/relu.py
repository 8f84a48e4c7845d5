import jax.numpy as jnp


def f(x):
    """max(x, 0) as a selection: exact, NaN passes through, slope 0 at 0."""
    return jnp.where(x <= 0, 0.0, x)
