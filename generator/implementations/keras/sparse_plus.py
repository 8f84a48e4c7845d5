import keras


def f(x):
    """0 for x ≤ −1, (x + 1)²/4 for |x| < 1, else x; only |x| ≤ 1 is squared."""
    return keras.ops.where(x >= 1, x, (keras.ops.clip(x, -1, 1) + 1) ** 2 / 4)
