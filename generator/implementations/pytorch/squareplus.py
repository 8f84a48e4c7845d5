import math

import torch


def f(x, b=4.0):
    """(x + s)/2, s = hypot(x, √b): no x² overflow; x < 0 as b/(2(s − x))."""
    s = torch.hypot(x, torch.full_like(x, math.sqrt(b)))
    # x < 0: x + s cancels, s − x does not; clamp keeps the unused side finite
    return torch.where(
        x < 0, b / 4 / (s / 2 - x.clamp(max=0) / 2), x / 2 + s / 2
    )
