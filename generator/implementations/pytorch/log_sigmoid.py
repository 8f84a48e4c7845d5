import torch.nn.functional as F  # noqa: N812


def f(x):
    """−softplus(−x); threshold 40 (not 20), where float64 softplus(t) = t."""
    return -F.softplus(-x, threshold=40.0)
