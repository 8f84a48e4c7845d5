import jax
from jax.scipy.special import erf


def f(x):
    """x·erf(softplus x); jax.nn.softplus, logaddexp(x, 0), never overflows."""
    return x * erf(jax.nn.softplus(x))
