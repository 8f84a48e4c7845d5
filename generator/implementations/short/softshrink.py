import numpy as np


def f(x, lambd=0.5):
    """x − clip(x, −λ, λ): x ∓ λ outside [−λ, λ], exactly 0 inside, NaN kept."""
    return x - np.clip(x, -lambd, lambd)


def df(x, lambd=0.5):
    """1 where |x| > λ, else 0 (also at ±λ, as PyTorch); NaN stays NaN."""
    return np.heaviside(np.abs(x) - lambd, 0.0)
