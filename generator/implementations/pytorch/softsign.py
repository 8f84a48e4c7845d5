import torch


def f(x):
    """x/(1 + |x|): no exponential, and the denominator is at least 1."""
    return x / (1 + torch.abs(x))
