import numpy as np
import numpy.typing as npt


def f(x: npt.ArrayLike, axis: int = -1) -> npt.NDArray[np.float64]:
    """Softmax along ``axis``; subtracting the maximum keeps exp from overflowing."""
    x = np.asarray(x, dtype=np.float64)
    shifted = x - np.max(x, axis=axis, keepdims=True)
    e = np.exp(shifted)
    result: npt.NDArray[np.float64] = e / np.sum(e, axis=axis, keepdims=True)
    return result


def df(x: npt.ArrayLike, axis: int = -1) -> npt.NDArray[np.float64]:
    """Jacobian ds_i/dx_j = s_i (delta_ij - s_j), as an (..., n, n) array over ``axis``."""
    s = np.moveaxis(f(x, axis=axis), axis, -1)
    return s[..., :, None] * (np.eye(s.shape[-1]) - s[..., None, :])
