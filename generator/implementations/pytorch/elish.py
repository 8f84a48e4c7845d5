import torch


def f(x):
    """x·σ(x) if x ≥ 0, else expm1(x)·σ(x), x clamped in expm1: finite grad."""
    negative = torch.expm1(torch.clamp(x, max=0.0))
    return torch.where(x >= 0, x, negative) * torch.sigmoid(x)
