import keras


def f(x):
    """σ(x)(1 + x·σ(−x)): σ(−x) avoids cancelling 1 − σ(x); no overflow."""
    return keras.ops.sigmoid(x) * (1 + x * keras.ops.sigmoid(-x))
