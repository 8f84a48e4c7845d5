import jax.numpy as jnp


def f(x):
    """arctan x by jnp.arctan; its slope 1/(1 + x²) underflows to 0, not NaN."""
    return jnp.arctan(x)
