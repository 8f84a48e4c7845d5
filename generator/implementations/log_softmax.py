import numpy as np
import numpy.typing as npt


def f(x: npt.ArrayLike, axis: int = -1) -> npt.NDArray[np.float64]:
    """x - logsumexp(x) along ``axis``, with the maximum taken out before exp."""
    x = np.asarray(x, dtype=np.float64)
    shifted = x - np.max(x, axis=axis, keepdims=True)
    result: npt.NDArray[np.float64] = shifted - np.log(
        np.sum(np.exp(shifted), axis=axis, keepdims=True)
    )
    return result


def df(x: npt.ArrayLike, axis: int = -1) -> npt.NDArray[np.float64]:
    """Jacobian d(log s_i)/dx_j = delta_ij - s_j, as an (..., n, n) array over ``axis``."""
    s = np.exp(np.moveaxis(f(x, axis=axis), axis, -1))
    result: npt.NDArray[np.float64] = np.eye(s.shape[-1]) - s[..., None, :]
    return result
