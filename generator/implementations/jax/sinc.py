import jax.numpy as jnp


def f(x):
    """sin(x)/x; 1 − x²/6 + x⁴/120 near 0, where the gradient would cancel."""
    small = jnp.abs(x) < 0.01
    # no 0/0 in the unused branch or its gradient
    safe = jnp.where(small, 1.0, x)
    y = jnp.clip(x, -0.01, 0.01) ** 2
    return jnp.where(small, 1 - y / 6 * (1 - y / 20), jnp.sin(safe) / safe)
