import numpy as np


def f(x):
    """x·tanh(x): two correctly signed factors, one rounded product."""
    x = np.asarray(x)
    wide = x.astype(np.float64)
    y = wide * np.tanh(wide)
    return y.astype(np.float32) if x.dtype == np.float32 else y


def df(x):
    """tanh x + x·sech²x, sech²x = 2/(1 + cosh 2x) (not 1 - tanh²); terms share a sign."""
    x = np.asarray(x)
    wide = x.astype(np.float64)
    finite = np.clip(wide, -400.0, 400.0)  # x·sech²x underflows to 0 long before
    sech2 = np.where(
        np.abs(finite) > 20,
        4 * np.exp(-2 * np.abs(finite)),
        2 / (1 + np.cosh(2 * np.minimum(np.abs(finite), 20.0))),
    )
    y = np.tanh(wide) + finite * sech2
    return y.astype(np.float32) if x.dtype == np.float32 else y
