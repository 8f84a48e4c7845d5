import torch
import torch.nn.functional as F  # noqa: N812


def f(x):
    """x·erf(softplus x); F.softplus never overflows and erf saturates to ±1."""
    return x * torch.erf(F.softplus(x))
