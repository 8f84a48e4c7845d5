import torch


def f(x):
    """0 for x ≤ −1, (x + 1)²/4 for |x| < 1, else x; only [−1, 1] is squared."""
    return torch.where(x >= 1, x, (torch.clamp(x, -1, 1) + 1) ** 2 / 4)
