import keras


def f(x, lambd=0.5):
    """x where |x| > λ, else 0: a select, exact, with gradient 1 or 0."""
    return keras.ops.where(keras.ops.abs(x) > lambd, x, 0.0)
