import numpy as np

SCALE = 1.0507009873554805  # λ
SCALE_ALPHA = 1.7580993408473768  # λα, rounded once: f(−∞) = −λα
SLOPE = 1.7580993408473766  # λ·α as PyTorch multiplies them: its f′(0)


def f(x):
    """λx for x > 0, else λα·expm1(min(x, 0)): accurate near 0, no overflow."""
    x = np.asarray(x)
    return np.where(
        x > 0, SCALE * x, SCALE_ALPHA * np.expm1(np.minimum(x, 0.0))
    )


def df(x):
    """λ for x > 0, else λ·α·e^min(x, 0) (λ·α at the kink, as PyTorch)."""
    x = np.asarray(x)
    return np.where(x > 0, SCALE, SLOPE * np.exp(np.minimum(x, 0.0)))
