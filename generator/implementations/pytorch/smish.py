import torch


def f(x):
    """x·tanh(log(1 + σ(x))): torch.sigmoid, log1p and tanh never overflow."""
    return x * torch.tanh(torch.log1p(torch.sigmoid(x)))
