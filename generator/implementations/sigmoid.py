import numpy as np
import numpy.typing as npt


def f(x: npt.ArrayLike) -> npt.NDArray[np.float64]:
    """Logistic sigmoid that never overflows: exp is only taken of -|x|."""
    x = np.asarray(x, dtype=np.float64)
    e = np.exp(-np.abs(x))
    result: npt.NDArray[np.float64] = np.where(x >= 0, 1 / (1 + e), e / (1 + e))
    return result


def df(x: npt.ArrayLike) -> npt.NDArray[np.float64]:
    """sigma'(x) = e^{-|x|} / (1 + e^{-|x|})^2: even in x, no overflow, no 0 * inf."""
    x = np.asarray(x, dtype=np.float64)
    e = np.exp(-np.abs(x))
    result: npt.NDArray[np.float64] = e / (1 + e) ** 2
    return result
