import torch


def f(x, alpha=1.0):
    """x for x ≥ 0, x·rsqrt(1 + αx²) below, x clamped to [−1e18, 0] there."""
    t = torch.clamp(x, -1e18, 0.0)  # no x² overflow; below −1e18, f is −1/√α
    return torch.where(x >= 0, x, t * torch.rsqrt(1 + alpha * t * t))
