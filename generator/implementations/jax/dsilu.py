import jax


def f(x):
    """σ(x)(1 + x·σ(−x)) by jax.nn.sigmoid: σ(−x) avoids cancelling 1 − σ(x)."""
    return jax.nn.sigmoid(x) * (1 + x * jax.nn.sigmoid(-x))
