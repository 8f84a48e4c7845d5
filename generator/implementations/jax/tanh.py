import jax.numpy as jnp


def f(x):
    """tanh x = −e/(2 + e), e = expm1(−2|x|) > −1: no overflow or cancelling."""
    a = jnp.where(x < 0, -x, x)  # |x| with slope ±1 (abs has slope 0 at 0)
    e = jnp.expm1(-2 * a)
    t = -e / (2 + e)  # tanh |x|
    return jnp.where(x < 0, -t, t)
