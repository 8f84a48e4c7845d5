import torch


def f(x):
    """(x + 3)/6 clamped to [0, 1]; x + 3 is exact near −3: no cancellation."""
    return torch.clamp((x + 3) / 6, 0.0, 1.0)
