import jax


def f(x, beta=1.0):
    """x·σ(βx) by jax.nn.sigmoid, which never overflows (nor its gradient)."""
    return x * jax.nn.sigmoid(beta * x)
