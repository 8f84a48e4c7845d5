import torch


def f(x, alpha=1.0):
    """x·rsqrt(1 + αx²), x clamped to ±1e18 (f = ±1/√α there): no overflow."""
    t = torch.clamp(x, -1e18, 1e18)
    return t * torch.rsqrt(1 + alpha * t * t)
