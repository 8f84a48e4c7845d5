import torch


def f(x):
    """σ(x)(1 + x·σ(−x)) by torch.sigmoid: σ(−x) avoids cancelling 1 − σ(x)."""
    return torch.sigmoid(x) * (1 + x * torch.sigmoid(-x))
