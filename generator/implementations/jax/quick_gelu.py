import jax


def f(x):
    """x·σ(1.702x) by jax.nn.sigmoid: it never overflows, nor its gradient."""
    return x * jax.nn.sigmoid(1.702 * x)
