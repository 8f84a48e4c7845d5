import torch


def f(x):
    """x·σ(1.702x) by torch.sigmoid: it never overflows, nor its gradient."""
    return x * torch.sigmoid(1.702 * x)
