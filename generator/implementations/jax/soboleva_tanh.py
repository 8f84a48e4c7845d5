import jax
import jax.numpy as jnp


def f(x, a=1.0, b=1.0, c=1.0, d=1.0):
    """u − v, u = e^{ax}/D, v = e^{−bx}/D by log-sigmoid; expm1 near 0."""
    k = (c + d) * x
    # u = e^{ax}/D, v = e^{−bx}/D with D = e^{cx} + e^{−dx}: nothing overflows
    u = jnp.exp((a - c) * x + jax.nn.log_sigmoid(k))
    v = jnp.exp((d - b) * x + jax.nn.log_sigmoid(-k))
    # u − v = −u·expm1(−(a + b)x) = v·expm1((a + b)x): no cancellation near 0
    right = -u * jnp.expm1(-(a + b) * jnp.where(x > 0, x, 0.0))
    left = v * jnp.expm1((a + b) * jnp.where(x > 0, 0.0, x))
    return jnp.where(x > 0, right, left)
