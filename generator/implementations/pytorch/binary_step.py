import torch


def f(x):
    """min(1 + sign x, 1): 1 for x ≥ 0, else 0; grad 0 (heaviside has none)."""
    return torch.clamp(1 + torch.sign(x), max=1.0)
