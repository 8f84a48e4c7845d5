import torch


def f(x):
    """tanh x = −e/(2 + e), e = expm1(−2|x|) > −1: no overflow or cancelling."""
    a = torch.where(x < 0, -x, x)  # |x| with slope ±1 (abs has slope 0 at 0)
    e = torch.expm1(-2 * a)
    t = -e / (2 + e)  # tanh |x|
    return torch.where(x < 0, -t, t)
