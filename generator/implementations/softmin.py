import numpy as np
import numpy.typing as npt


def f(x: npt.ArrayLike, axis: int = -1) -> npt.NDArray[np.float64]:
    """Softmin along ``axis``: softmax of -x, shifted by the minimum so exp cannot overflow."""
    x = np.asarray(x, dtype=np.float64)
    e = np.exp(np.min(x, axis=axis, keepdims=True) - x)
    result: npt.NDArray[np.float64] = e / np.sum(e, axis=axis, keepdims=True)
    return result


def df(x: npt.ArrayLike, axis: int = -1) -> npt.NDArray[np.float64]:
    """Jacobian ds_i/dx_j = -s_i (delta_ij - s_j), as an (..., n, n) array over ``axis``."""
    s = np.moveaxis(f(x, axis=axis), axis, -1)
    result: npt.NDArray[np.float64] = -s[..., :, None] * (np.eye(s.shape[-1]) - s[..., None, :])
    return result
