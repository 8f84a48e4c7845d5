import math

import torch


def f(x):
    """x·Φ(x), Φ(x) = erfc(−x/√2)/2, which keeps its digits in the left tail."""
    return x * torch.special.erfc(-x / math.sqrt(2)) / 2
