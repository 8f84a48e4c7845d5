import keras


def f(x, alpha=1.0):
    """x for x ≥ 0, x·rsqrt(1 + αx²) below, x clipped to [−1e18, 0] there."""
    t = keras.ops.clip(x, -1e18, 0.0)  # no x² overflow; below −1e18, f is −1/√α
    return keras.ops.where(x >= 0, x, t * keras.ops.rsqrt(1 + alpha * t * t))
