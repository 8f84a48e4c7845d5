import torch


def f(x):
    """x·tanh(eˣ), eˣ at min(x, 4) (tanh is 1 past 4): exp cannot overflow."""
    return x * torch.tanh(torch.exp(x.clamp(max=4.0)))
