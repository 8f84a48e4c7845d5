import jax.numpy as jnp


def f(x):
    """min(max(x, 0), 6) by jnp.clip; exact, and NaN stays NaN."""
    return jnp.clip(x, 0.0, 6.0)
