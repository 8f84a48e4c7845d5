import jax
import jax.numpy as jnp


def f(x, alpha=1.0):
    """x·rsqrt(1 + αx²), x clipped to ±1e18 (f = ±1/√α there): no overflow."""
    t = jnp.clip(x, -1e18, 1e18)
    return t * jax.lax.rsqrt(1 + alpha * t * t)
