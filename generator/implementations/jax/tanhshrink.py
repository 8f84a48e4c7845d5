import jax.numpy as jnp


def f(x):
    """x − tanh x; it cancels near 0, but the absolute error stays ~1e-16."""
    return x - jnp.tanh(x)
