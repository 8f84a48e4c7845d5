import jax.numpy as jnp


def f(x):
    """x·tanh(eˣ), eˣ at min(x, 4) (tanh is 1 past 4): exp cannot overflow."""
    return x * jnp.tanh(jnp.exp(jnp.minimum(x, 4.0)))
