import jax
import jax.numpy as jnp


def f(x, alpha=1.0):
    """x for x ≥ 0, x·rsqrt(1 + αx²) below, x clipped to [−1e18, 0] there."""
    t = jnp.clip(x, -1e18, 0.0)  # no x² overflow; below −1e18, f is −1/√α
    return jnp.where(x >= 0, x, t * jax.lax.rsqrt(1 + alpha * t * t))
