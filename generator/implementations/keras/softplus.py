import keras


def f(x, beta=1.0):
    """log(1 + e^{βx})/β = −log σ(−βx)/β; log_sigmoid never overflows."""
    return -keras.ops.log_sigmoid(-beta * x) / beta
