import torch


def f(x):
    """1.7159·tanh(2x/3), 2x/3 as x/1.5; torch.tanh saturates, no overflow."""
    return 1.7159 * torch.tanh(x / 1.5)
