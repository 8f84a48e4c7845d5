import jax.numpy as jnp


def f(x):
    """e^{−x²} with jnp.exp; x² overflows only to inf, and e^{−inf} = 0."""
    return jnp.exp(-x * x)
