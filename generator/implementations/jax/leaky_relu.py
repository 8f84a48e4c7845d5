import jax.numpy as jnp


def f(x, negative_slope=0.01):
    """x for x ≥ 0, else slope·x: exact; the gradient at 0 is 1, as jax.nn's."""
    return jnp.where(x >= 0, x, negative_slope * x)
