import torch


def f(x):
    """eˣ with torch.exp; inf only where eˣ exceeds the format."""
    return torch.exp(x)
