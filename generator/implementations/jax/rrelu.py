import jax.numpy as jnp


def f(x, lower=0.125, upper=0.3333333333333333):
    """Evaluation mode: x for x > 0, else the mean slope (lower + upper)/2·x."""
    return jnp.where(x > 0, x, (lower + upper) / 2 * x)
