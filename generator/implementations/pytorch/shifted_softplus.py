import math

import torch


def f(x):
    """log((1+eˣ)/2) = log1p(expm1(x)/2), nothing cancels; x − ln 2 from 40."""
    small = torch.log1p(torch.expm1(torch.clamp(x, max=40.0)) / 2)
    return torch.where(x < 40, small, x - math.log(2))
