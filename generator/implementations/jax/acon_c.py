import jax


def f(x, p1=1.0, p2=0.0, beta=1.0):
    """(p1 − p2)·x·σ(β(p1 − p2)x) + p2·x; jax.nn.sigmoid never overflows."""
    d = p1 - p2
    return d * x * jax.nn.sigmoid(beta * d * x) + p2 * x
