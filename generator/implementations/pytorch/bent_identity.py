import torch


def f(x):
    """x + (√(x²+1) − 1)/2 = x(1 + tanh(asinh(x)/2)/2): no cancelling, no x²."""
    return x * (1 + torch.tanh(torch.asinh(x) / 2) / 2)
