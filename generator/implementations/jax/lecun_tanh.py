import jax.numpy as jnp


def f(x):
    """1.7159·tanh(2x/3), 2x/3 as x/1.5; jnp.tanh saturates without overflow."""
    return 1.7159 * jnp.tanh(x / 1.5)
