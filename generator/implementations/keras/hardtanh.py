import keras


def f(x, min_val=-1.0, max_val=1.0):
    """x clipped to [min_val, max_val]: comparisons only, so exact."""
    return keras.ops.clip(x, min_val, max_val)
