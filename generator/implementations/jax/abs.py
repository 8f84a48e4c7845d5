import jax.numpy as jnp


def f(x):
    """|x| with jnp.abs, exact everywhere; jax.grad gives sign(x) off 0."""
    return jnp.abs(x)
