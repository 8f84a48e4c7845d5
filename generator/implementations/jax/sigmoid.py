import jax.numpy as jnp


def f(x):
    """1/(1 + e^{−x}) for x > 0, else e^x/(1 + e^x): exponent never positive."""
    e = jnp.exp(jnp.where(x > 0, -x, x))  # e^{−|x|}, at most 1
    return jnp.where(x > 0, 1 / (1 + e), e / (1 + e))
