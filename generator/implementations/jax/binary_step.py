import jax.numpy as jnp


def f(x):
    """1 for x ≥ 0 (−0.0 too), else 0, by jnp.heaviside: gradient 0."""
    return jnp.heaviside(x, 1.0)
