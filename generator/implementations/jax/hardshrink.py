import jax.numpy as jnp


def f(x, lambd=0.5):
    """x where |x| > λ, else 0: a select, exact, with gradient 1 or 0."""
    return jnp.where(jnp.abs(x) > lambd, x, 0.0)
