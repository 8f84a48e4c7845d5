import torch


def f(x):
    """arctan x by torch.atan; its slope 1/(1 + x²) underflows to 0, not NaN."""
    return torch.atan(x)
