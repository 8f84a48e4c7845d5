import torch
import torch.nn.functional as F  # noqa: N812


def f(x):
    """x·tanh(softplus x); F.softplus never overflows, nor does its gradient."""
    return x * torch.tanh(F.softplus(x))
