import torch


def f(x):
    """sin(x)/x; 1 − x²/6 + x⁴/120 near 0, where the gradient would cancel."""
    small = x.abs() < 0.01
    # no 0/0 in the unused branch or its gradient
    safe = torch.where(small, 1.0, x)
    y = x.clamp(-0.01, 0.01) ** 2
    return torch.where(small, 1 - y / 6 * (1 - y / 20), torch.sin(safe) / safe)
