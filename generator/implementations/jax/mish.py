import jax
import jax.numpy as jnp


def f(x):
    """x·tanh(softplus x); jax.nn.softplus, logaddexp(x, 0), never overflows."""
    return x * jnp.tanh(jax.nn.softplus(x))
