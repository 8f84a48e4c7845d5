import torch


def f(x, p1=1.0, p2=0.0, beta=1.0):
    """(p1 − p2)·x·σ(β(p1 − p2)x) + p2·x; torch.sigmoid never overflows."""
    d = p1 - p2
    return d * x * torch.sigmoid(beta * d * x) + p2 * x
