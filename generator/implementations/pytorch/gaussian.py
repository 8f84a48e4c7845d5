import torch


def f(x):
    """e^{−x²} with torch.exp; x² overflows only to inf, and e^{−inf} = 0."""
    return torch.exp(-x * x)
