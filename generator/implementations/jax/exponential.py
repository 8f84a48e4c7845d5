import jax.numpy as jnp


def f(x):
    """eˣ with jnp.exp; inf only where eˣ exceeds the format."""
    return jnp.exp(x)
