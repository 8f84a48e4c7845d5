import jax.numpy as jnp


def f(x, alpha=1.0):
    """x + sin²(αx)/α: bounded ripple on the identity, nothing can overflow."""
    return x + jnp.sin(alpha * x) ** 2 / alpha
