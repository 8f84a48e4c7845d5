"""The shared double-double kernels against mpmath, on random and awkward inputs.

Each test asserts the bound the kernel's docstring states (exactness where it claims
exactness), computed with mpmath at far more precision than the kernels carry, so a kernel
that loses a term, a rounding error or a sign fails. Inputs are drawn from a fixed seed.
"""

from __future__ import annotations

import importlib
import math
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import mpmath
import numpy as np
import pytest

# Published code is left unannotated (pyproject.toml), so it is called through Any here.
K: Any = importlib.import_module("generator.implementations.kernels")

Array = np.ndarray[Any, np.dtype[np.float64]]
N = 2000
EXACT_BITS = 2300  # enough to hold sums and products of doubles from 2^-1100 to 2^1100
BITS = 400  # for the approximations: far beyond the ~106 bits they carry


def _rng(salt: int) -> np.random.Generator:
    return np.random.default_rng(20240 + salt)


def _doubles(rng: np.random.Generator, n: int, low: int, high: int) -> Array:
    """Random signs and 53-bit mantissas times 2^e, e uniform in [low, high)."""
    mantissa = rng.uniform(0.5, 1.0, n) * rng.choice([-1.0, 1.0], n)
    doubles: Array = np.ldexp(mantissa, rng.integers(low, high, n))
    return doubles


def _low(rng: np.random.Generator, hi: Array) -> Array:
    """A low part for hi: |lo| <= 2^-54 |hi|, so that (hi, lo) is a normalised pair."""
    return hi * rng.uniform(-1.0, 1.0, hi.shape) * 2.0**-54


def _mp(*parts: Any) -> mpmath.mpf:
    """The exact sum of doubles (at the working precision)."""
    return mpmath.fsum(mpmath.mpf(float(p)) for p in parts)


def _worst(errors: Iterable[mpmath.mpf]) -> float:
    """The largest error, as a power of 2 (-inf when every error is 0)."""
    largest = max(errors)
    return -math.inf if largest == 0 else float(mpmath.log(largest, 2))


def _relative(found: mpmath.mpf, exact: mpmath.mpf) -> mpmath.mpf:
    return abs(found - exact) / abs(exact)


def _ulps(found: float, exact: mpmath.mpf) -> float:
    """|found - exact| in units of the spacing of doubles at the exact value."""
    nearest = abs(float(exact))
    spacing = np.spacing(nearest) if nearest > 0 else np.spacing(0.0)
    return float(abs(mpmath.mpf(float(found)) - exact) / mpmath.mpf(float(spacing)))


# Exact transformations


def _sum_inputs() -> tuple[Array, Array]:
    rng = _rng(1)
    a = _doubles(rng, N, -1000, 1000)
    b = np.concatenate(
        [
            _doubles(rng, N // 2, -1000, 1000),  # any exponents: often far apart
            a[N // 2 :] * rng.uniform(-1.5, 1.5, N - N // 2),  # close, often cancelling
        ]
    )
    edges_a = np.array([1.0, 1.0, 0.0, -0.0, 2.0**-1074, 1e300, 1.0, 3.0])
    edges_b = np.array([2.0**-53, -1.0, 0.0, 5.0, -(2.0**-1074), -1e300, 2.0**-1074, -3.0])
    return np.concatenate([a, edges_a]), np.concatenate([b, edges_b])


def test_two_sum_is_exact() -> None:
    a, b = _sum_inputs()
    s, e = K.two_sum(a, b)
    assert np.array_equal(s, a + b), "s is the rounded sum"
    with mpmath.workprec(EXACT_BITS):
        wrong = [i for i in range(a.size) if _mp(s[i], e[i]) != _mp(a[i], b[i])]
    assert not wrong, f"s + e != a + b at a = {a[wrong[:3]]}, b = {b[wrong[:3]]}"
    s, e = K.two_sum(b, a)  # either order
    with mpmath.workprec(EXACT_BITS):
        assert all(_mp(s[i], e[i]) == _mp(a[i], b[i]) for i in range(a.size))


def test_fast_two_sum_is_exact_for_the_larger_first() -> None:
    a, b = _sum_inputs()
    big = np.where(np.abs(a) >= np.abs(b), a, b)
    small = np.where(np.abs(a) >= np.abs(b), b, a)
    s, e = K.fast_two_sum(big, small)
    assert np.array_equal(s, big + small)
    with mpmath.workprec(EXACT_BITS):
        wrong = [i for i in range(a.size) if _mp(s[i], e[i]) != _mp(big[i], small[i])]
    assert not wrong, f"at {big[wrong[:3]]} + {small[wrong[:3]]}"


def _fits_26_bits(values: Array) -> bool:
    mantissa, _ = np.frexp(values)
    scaled = mantissa * 2.0**26
    return bool(np.all(scaled == np.round(scaled)))


def test_split_gives_two_26_bit_halves() -> None:
    a = np.concatenate([_doubles(_rng(2), N, -1000, 990), [0.0, 1.0, -3.0, 1e299, 2.0**-1000]])
    high, low = K.split(a)
    assert np.array_equal(high + low, a), "high + low is a, and that sum is exact"
    with mpmath.workprec(EXACT_BITS):
        assert all(_mp(high[i], low[i]) == _mp(a[i]) for i in range(a.size))
    assert _fits_26_bits(high)
    assert _fits_26_bits(low)


def test_two_prod_is_exact() -> None:
    rng = _rng(3)
    a = _doubles(rng, N, -480, 490)  # |a|, |b| < 1e150 and |ab| well above 2^-969
    b = _doubles(rng, N, -480, 490)
    a = np.concatenate([a, [1.0, 0.0, 3.0, 1e149, 1.0 + 2.0**-52]])
    b = np.concatenate([b, [-1.0, 7.0, 1.0 / 3.0, 1e149, 1.0 - 2.0**-52]])
    p, e = K.two_prod(a, b)
    assert np.array_equal(p, a * b), "p is the rounded product"
    with mpmath.workprec(EXACT_BITS):
        wrong = [i for i in range(a.size) if _mp(p[i], e[i]) != _mp(a[i]) * _mp(b[i])]
    assert not wrong, f"p + e != ab at a = {a[wrong[:3]]}, b = {b[wrong[:3]]}"


# Double-double arithmetic


def _pairs(salt: int, low: int = -60, high: int = 60) -> tuple[Array, Array, Array, Array]:
    rng = _rng(salt)
    a = _doubles(rng, N, low, high)
    b = _doubles(rng, N, low, high)
    return a, _low(rng, a), b, _low(rng, b)


def test_dd_add_within_its_bound_and_normalised() -> None:
    a, a_lo, b, _ = _pairs(4)
    b = np.concatenate([b[: N // 2], -a[N // 2 :] * (1 + 2.0**-40)])  # some near-cancellation
    b_lo = _low(_rng(40), b)
    s, s_lo = K.dd_add(a, a_lo, b, b_lo)
    assert np.array_equal(s, s + s_lo), "normalised: hi is the rounded value of the pair"
    with mpmath.workprec(BITS):
        errors = (
            abs(_mp(s[i], s_lo[i]) - _mp(a[i], a_lo[i], b[i], b_lo[i])) / (abs(a[i]) + abs(b[i]))
            for i in range(N)
        )
        assert _worst(errors) <= -104


def test_dd_mul_within_its_bound() -> None:
    a, a_lo, b, b_lo = _pairs(5)
    p, p_lo = K.dd_mul(a, a_lo, b, b_lo)
    assert np.array_equal(p, a * b)
    with mpmath.workprec(BITS):
        exact = [_mp(a[i], a_lo[i]) * _mp(b[i], b_lo[i]) for i in range(N)]
        assert _worst(_relative(_mp(p[i], p_lo[i]), exact[i]) for i in range(N)) <= -104


def test_dd_divide_within_its_bound() -> None:
    n, n_lo, d, d_lo = _pairs(6)
    q, q_lo = K.dd_divide(n, n_lo, d, d_lo)
    assert np.array_equal(q, n / d), "q is the rounded quotient of the high parts"
    with mpmath.workprec(BITS):
        exact = [_mp(n[i], n_lo[i]) / _mp(d[i], d_lo[i]) for i in range(N)]
        assert _worst(_relative(_mp(q[i], q_lo[i]), exact[i]) for i in range(N)) <= -103
        # As one double, q + q_lo is the quotient rounded once (to within a hair of 0.5 ULP).
        assert max(_ulps(q[i] + q_lo[i], exact[i]) for i in range(N)) <= 0.5 + 1e-6


def test_dd_horner_within_its_bound() -> None:
    rng = _rng(7)
    e = np.concatenate([rng.uniform(0.0, 1.0, N), np.ldexp(rng.uniform(0.5, 1, 200), -900)])
    e_lo = _low(rng, e)
    coefficients = (5.0, 6.0, 2.0, 0.1, 3.0)
    p, p_lo = K.dd_horner(e, e_lo, *coefficients)
    with mpmath.workprec(BITS):
        exact = [
            mpmath.polyval(coefficients[::-1], _mp(e[i], e_lo[i])) for i in range(e.size)
        ]  # highest power first for polyval
        assert _worst(_relative(_mp(p[i], p_lo[i]), exact[i]) for i in range(e.size)) <= -102


# Exponentials


def _exponent_inputs(salt: int) -> tuple[Array, Array]:
    rng = _rng(salt)
    a = np.concatenate(
        [
            rng.uniform(-745.0, 709.0, N),
            rng.uniform(-1e5, 1e5, 200),  # 2^k far outside the doubles: k is returned apart
            rng.uniform(-1.0, 1.0, 500),
            _doubles(rng, 300, -900, -1),
            [0.0, -0.0, 1e5, -1e5, np.log(2.0), -np.log(2.0) / 2],
        ]
    )
    return a, _low(rng, a)


def _exp_errors(k: Array, w: Array, w_lo: Array, a: Array, a_lo: Array) -> float:
    with mpmath.workprec(BITS):
        return _worst(
            _relative(mpmath.ldexp(_mp(w[i], w_lo[i]), int(k[i])), mpmath.exp(_mp(a[i], a_lo[i])))
            for i in range(a.size)
        )


def test_exp_scaled_to_double_precision() -> None:
    a, a_lo = _exponent_inputs(8)
    k, w, w_lo = K.exp_scaled(a, a_lo)
    assert k.dtype == np.int64
    assert np.all((w > 0.7) & (w < 1.42)), "w = 1 + expm1(r), |r| <= ln(2)/2"
    assert _exp_errors(k, w, w_lo, a, a_lo) <= -52
    k, w, w_lo = K.exp_scaled(a)  # a_lo defaults to 0
    assert _exp_errors(k, w, w_lo, a, np.zeros_like(a)) <= -52


def test_exp_scaled_dd_and_expm1_scaled_dd_to_double_double() -> None:
    a, a_lo = _exponent_inputs(9)
    k, m, m_lo = K.expm1_scaled_dd(a, a_lo)
    assert k.dtype == np.int64
    with mpmath.workprec(BITS):
        exact = [mpmath.exp(_mp(a[i], a_lo[i])) for i in range(a.size)]
        found = [mpmath.ldexp(1 + _mp(m[i], m_lo[i]), int(k[i])) for i in range(a.size)]
        bound = [-72 if abs(a[i]) <= 3000 else -68 for i in range(a.size)]
        errors = [_relative(found[i], exact[i]) for i in range(a.size)]
        assert all(_worst([e]) <= b for e, b in zip(errors, bound, strict=True))
        # The 1 kept apart: near 0, m + m_lo is expm1(a) itself, to the same relative bound.
        near = [i for i in range(a.size) if abs(a[i]) < 0.34 and a[i] != 0]
        assert all(k[i] == 0 for i in near)
        expm1 = [mpmath.expm1(_mp(a[i], a_lo[i])) for i in near]
        assert (
            _worst(_relative(_mp(m[i], m_lo[i]), e) for i, e in zip(near, expm1, strict=True))
            <= -72
        )
    j, v, v_lo = K.exp_scaled_dd(a, a_lo)
    assert np.array_equal(j, k)
    assert np.all(np.abs(v_lo) <= 2.0**-52 * v)
    small = np.abs(a) <= 3000
    assert _exp_errors(j[small], v[small], v_lo[small], a[small], a_lo[small]) <= -72
    assert _exp_errors(j, v, v_lo, a, a_lo) <= -68


def test_widen_exp_minus_abs() -> None:
    x = np.concatenate([_exponent_inputs(10)[0][:N], [900.0, -1e4, np.inf]]).astype(np.float32)
    found, wide, c, j, (v, v_lo), (e, e_lo) = K.widen_exp_minus_abs(x, 800.0)
    assert found.dtype == np.float32
    assert wide.dtype == np.float64
    assert np.array_equal(wide, x.astype(np.float64))
    assert np.array_equal(c, np.clip(wide, -800.0, 800.0))
    assert np.array_equal(e, np.ldexp(v, j))
    assert np.array_equal(e_lo, np.ldexp(v_lo, j))
    assert _exp_errors(j, v, v_lo, -np.abs(c), np.zeros_like(c)) <= -72


# Input handling


def test_widen_narrow_and_with_limits() -> None:
    single = np.array([1.5, -2.0, np.nan], dtype=np.float32)
    x, wide = K.widen(single)
    assert x.dtype == np.float32
    assert wide.dtype == np.float64
    y = wide / 3  # float64 result of a float32 input: rounded once, to float32
    assert K.narrow(y, x).dtype == np.float32
    assert np.array_equal(K.narrow(y, x), y.astype(np.float32), equal_nan=True)
    x, wide = K.widen([1, 2, 3])  # anything else is computed and returned in float64
    assert K.narrow(wide, x) is wide
    assert wide.dtype == np.float64
    values = np.array([-5.0, -1.0, 0.0, 1.0, 5.0, np.nan])
    limited = K.with_limits(np.zeros(6), values, -1.0, 1.0, -7.0, 7.0)
    assert np.array_equal(limited, [-7.0, 0.0, 0.0, 0.0, 7.0, 0.0])


# The logistic function


def _sigmoid_inputs(salt: int) -> tuple[Array, Array]:
    rng = _rng(salt)
    u = np.concatenate(
        [
            rng.uniform(-40.0, 40.0, N),
            rng.uniform(-800.0, 800.0, 500),
            rng.uniform(-745.0, -700.0, 200),  # subnormal results
            rng.uniform(-1e5, 1e5, 50),
            K.SILU_ZERO_HI + rng.uniform(-1e-3, 1e-3, 500),  # where the SiLU slope crosses 0
            K.SILU_ZERO_HI + np.arange(-20, 21) * 2.0**-52,
            [0.0, -0.0, 1.0, -1.0],
        ]
    )
    return u, _low(rng, u)


def test_x_sigmoid_within_one_and_a_half_ulp() -> None:
    u, u_lo = _sigmoid_inputs(11)
    rng = _rng(12)
    x = np.where(rng.uniform(size=u.size) < 0.5, u, rng.uniform(-1e6, 1e6, u.size))
    y = K.x_sigmoid(x, u, u_lo)
    with mpmath.workprec(BITS):
        exact = [
            mpmath.mpf(float(x[i])) / (1 + mpmath.exp(-_mp(u[i], u_lo[i]))) for i in range(u.size)
        ]
        errors = np.array([_ulps(y[i], exact[i]) for i in range(u.size)])
    assert errors.max() <= 1.5
    assert np.mean(errors > 0.5) < 0.05, "rounded about once: most results correctly rounded"


def test_silu_slope_within_two_ulp_even_at_its_zero() -> None:
    u, u_lo = _sigmoid_inputs(13)
    y = K.silu_slope(u, u_lo)
    with mpmath.workprec(BITS):
        exact = []
        for i in range(u.size):
            t = _mp(u[i], u_lo[i])
            s = 1 / (1 + mpmath.exp(-t))
            exact.append(s * (1 + t * (1 - s)))
        errors = np.array([_ulps(y[i], exact[i]) for i in range(u.size)])
    assert errors.max() <= 2.0
    assert np.mean(errors > 0.5) < 0.1, "rounded about once: most results correctly rounded"
    assert np.mean(errors > 1.0) < 0.01


# tanh


def test_tanh_fraction() -> None:
    rng = _rng(14)
    a = np.concatenate([rng.uniform(0.0, 2.0, N), _doubles(rng, 200, -40, 0) ** 2, [2.0]])
    (square, square_lo), (d, d_lo) = K.tanh_fraction(a, 0.0)
    with mpmath.workprec(BITS):
        assert all(_mp(square[i], square_lo[i]) == _mp(a[i]) ** 2 for i in range(a.size))
        errors = []
        for i in range(a.size):
            t = _mp(a[i])
            lambert = t**3 / (_mp(square[i], square_lo[i]) + _mp(d[i], d_lo[i]))
            errors.append(_relative(lambert, t - mpmath.tanh(t)))  # a - tanh a, no cancelling
        assert _worst(errors) <= -54


def test_tanh_dd_within_its_bound() -> None:
    rng = _rng(15)
    u = np.concatenate(
        [rng.uniform(0.0, 3.0, N), rng.uniform(3.0, 40.0, 500), _doubles(rng, 300, -60, 0) ** 2]
    )
    u = np.abs(u)
    u_lo = _low(rng, u)
    t, t_lo = K.tanh_dd(u, u_lo)
    with mpmath.workprec(BITS):
        errors = (
            _relative(_mp(t[i], t_lo[i]), mpmath.tanh(_mp(u[i], u_lo[i]))) for i in range(u.size)
        )
        assert _worst(errors) <= -54
    assert K.tanh_dd(np.array([0.0]), np.array([0.0]))[0][0] == 0.0


# erf, sin and cos


@pytest.mark.parametrize(("largest", "terms"), [(2.5, 48), (6.5, 120)])
def test_erf_series_dd(largest: float, terms: int) -> None:
    rng = _rng(16)
    z = np.concatenate([rng.uniform(0.0, largest, 600), _doubles(rng, 100, -40, 0) ** 2])
    z = np.abs(z)
    z_lo = _low(rng, z)
    s, s_lo = K.erf_series_dd(z, z_lo, terms)
    with mpmath.workprec(BITS):
        errors = []
        for i in range(z.size):
            t = _mp(z[i], z_lo[i])
            exact = mpmath.erf(t) / t * mpmath.sqrt(mpmath.pi) / 2 * mpmath.exp(t * t)
            errors.append(_relative(_mp(s[i], s_lo[i]), exact))
        assert _worst(errors) <= -72


def test_factorial_is_exact_to_22() -> None:
    for n in range(23):
        assert K.factorial(n) == math.factorial(n), n


@pytest.mark.parametrize(("first", "odd"), [(2, 1), (3, 0)])
def test_taylor_tail(first: int, odd: int) -> None:
    u = np.linspace(0.0, (np.pi / 4) ** 2, 300)
    tail = K.taylor_tail(u, first, odd)
    with mpmath.workprec(BITS):

        def exact(v: mpmath.mpf) -> mpmath.mpf:
            return mpmath.nsum(
                lambda j: (-1) ** j * v ** (j - first) / mpmath.factorial(2 * j + odd),
                [first, mpmath.inf],
            )

        assert _worst(_relative(_mp(tail[i]), exact(_mp(u[i]))) for i in range(u.size)) <= -51


def _near_multiples_of_half_pi(count: int) -> Array:
    """The doubles nearest k·π/2, with k = 58285 (the hardest below 1e5) among them."""
    ks = np.concatenate([_rng(17).integers(-63600, 63600, count), [58285, -58285, 1, 2, 3]])
    with mpmath.workprec(BITS):
        return np.array([float(int(k) * mpmath.pi / 2) for k in ks])


def test_sin_cos_within_its_bound() -> None:
    rng = _rng(18)
    x = np.concatenate(
        [
            rng.uniform(-1e5, 1e5, N),
            rng.uniform(-10.0, 10.0, N),
            _doubles(rng, 300, -60, 0),
            _near_multiples_of_half_pi(300),
            [0.0, -0.0, np.pi / 4, -np.pi / 4, 99999.0],
        ]
    )
    sin_hi, sin_lo, cos_hi, cos_lo = K.sin_cos(x)
    with mpmath.workprec(BITS):
        worst_sin = _worst(
            _relative(_mp(sin_hi[i], sin_lo[i]), mpmath.sin(_mp(x[i])))
            for i in range(x.size)
            if x[i] != 0
        )
        worst_cos = _worst(
            _relative(_mp(cos_hi[i], cos_lo[i]), mpmath.cos(_mp(x[i]))) for i in range(x.size)
        )
    assert worst_sin <= -54
    assert worst_cos <= -54
    assert sin_hi[-5] == 0.0
    assert cos_hi[-5] == 1.0


def test_every_kernel_is_tested() -> None:
    """A kernel added to kernels.py without a test here fails this."""
    source = Path(K.__file__).read_text(encoding="utf-8")
    tested = Path(__file__).read_text(encoding="utf-8")
    names = [line.split("(")[0][4:] for line in source.splitlines() if line.startswith("def ")]
    untested = [n for n in names if f"K.{n}(" not in tested]
    assert not untested, f"no test calls {untested}"
