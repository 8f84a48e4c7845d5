import torch

SCALE = 1.0507009873554805  # λ
SCALE_ALPHA = 1.7580993408473768  # λα, rounded once


def f(x):
    """λx for x > 0, else λα·expm1(x); expm1 sees x ≤ 0: finite gradient."""
    negative = SCALE_ALPHA * torch.expm1(torch.clamp(x, max=0.0))
    return torch.where(x > 0, SCALE * x, negative)
