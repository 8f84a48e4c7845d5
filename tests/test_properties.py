"""Every computed property checked against numbers sampled from the function."""

from __future__ import annotations

import itertools

import mpmath
import numpy as np
import sympy as sp

from generator.model import Activation, Monotonicity, Saturation
from tests.conftest import ELEMENTWISE, VECTOR, each, elementwise_analysis, vector_analysis
from tests.numeric import kink_points, mpmath_function, numpy_function

DENSE = np.linspace(-40, 40, 80_001)
MODERATE = np.linspace(-15, 15, 30_001)  # where float64 still tells neighbours apart
FAR = 1e3


def _f(activation: Activation) -> np.ndarray:
    return numpy_function(activation.at_defaults(), activation.variable)(DENSE)


def _slope(activation: Activation, points: np.ndarray) -> np.ndarray:
    analysis = elementwise_analysis(activation)
    derivative = analysis.derivative.subs(activation.defaults)
    return numpy_function(derivative, activation.variable)(points)


@each(ELEMENTWISE)
def test_values_stay_in_the_range_and_approach_its_ends(activation: Activation) -> None:
    claimed = elementwise_analysis(activation).properties.range
    assert claimed is not None, "range not determined"
    values = _f(activation)
    exact = mpmath_function(activation.at_defaults(), activation.variable)
    low, high = float(claimed.inf), float(claimed.sup)
    assert np.all(values >= low)
    assert np.all(values <= high)
    with mpmath.workdps(60):
        for end, extreme, is_open, far in (
            (low, values.min(), claimed.left_open, -FAR),
            (high, values.max(), claimed.right_open, FAR),
        ):
            if np.isfinite(end):
                assert abs(extreme - end) < 1e-6, f"sampled values do not approach {end}"
                if is_open:  # float64 rounds onto the end; 60 digits do not
                    for point in (far / 25, far / 100, far / 1000):
                        assert exact(mpmath.mpf(point)) != end, f"open end {end} attained"
            else:
                assert abs(exact(mpmath.mpf(far * 1e5))) > 1e5, f"f is bounded towards {end}"


@each(ELEMENTWISE)
def test_monotonicity_holds_on_a_dense_grid(activation: Activation) -> None:
    claimed = elementwise_analysis(activation).properties.monotonicity
    steps = np.diff(_f(activation))
    resolved = np.diff(numpy_function(activation.at_defaults(), activation.variable)(MODERATE))
    exact = mpmath_function(activation.at_defaults(), activation.variable)
    if claimed is Monotonicity.STRICTLY_INCREASING:
        assert np.all(steps >= 0)
        assert np.all(resolved > 0)
        with mpmath.workdps(60):  # in the tails float64 rounds neighbours together
            tail = [exact(mpmath.mpf(point)) for point in (-FAR, -40, -39, 39, 40, FAR)]
        assert all(a < b for a, b in itertools.pairwise(tail))
    elif claimed is Monotonicity.NON_DECREASING:
        assert np.all(steps >= 0)
        assert np.any(steps == 0), "claimed non-strict but never flat"
    elif claimed is Monotonicity.NOT_MONOTONIC:
        assert np.any(steps > 0)
        assert np.any(steps < 0)
    else:
        raise AssertionError(f"no numeric check for {claimed}")


@each(ELEMENTWISE)
def test_tails_match_the_limits_of_f_and_its_derivative(activation: Activation) -> None:
    analysis = elementwise_analysis(activation)
    properties = analysis.properties
    x = activation.variable
    f = mpmath_function(activation.at_defaults(), x)
    slope = mpmath_function(analysis.derivative.subs(activation.defaults), x)
    with mpmath.workdps(60):
        for tail, at in ((properties.left, -FAR), (properties.right, FAR)):
            assert tail.saturation is not None
            assert tail.derivative_limit is not None
            far_slope = slope(mpmath.mpf(at))
            assert abs(far_slope - float(tail.derivative_limit)) < 1e-12
            if tail.saturation is Saturation.HARD:
                assert far_slope == 0
            elif tail.saturation is Saturation.SOFT:
                assert tail.derivative_limit == 0
                near_slope = slope(mpmath.mpf(at / 25))  # 60 digits resolve e^{-40}
                assert near_slope != 0, "soft saturation should not be exactly flat"
            assert tail.value_limit is not None
            value = f(mpmath.mpf(at))
            if tail.value_limit.is_finite:
                assert abs(value - float(tail.value_limit)) < 1e-12
            else:
                assert mpmath.sign(value) == np.sign(float(tail.value_limit))
                assert abs(f(mpmath.mpf(at * 1e5))) > 1e5


@each(ELEMENTWISE)
def test_values_at_zero_symmetry_and_zero_centring(activation: Activation) -> None:
    properties = elementwise_analysis(activation).properties
    f = numpy_function(activation.at_defaults(), activation.variable)
    values = f(DENSE)
    mirrored = f(-DENSE)
    assert properties.value_at_zero is not None
    assert float(f(np.array([0.0]))[0]) == float(properties.value_at_zero)
    assert properties.odd == bool(np.allclose(mirrored, -values, atol=1e-12))
    both_signs = bool(np.any(values < 0) and np.any(values > 0))
    assert properties.zero_centred == (float(properties.value_at_zero) == 0 and both_signs)
    if properties.derivative_at_zero is not None:
        h = 1e-6
        numeric = (f(np.array([h]))[0] - f(np.array([-h]))[0]) / (2 * h)
        assert abs(numeric - float(properties.derivative_at_zero)) < 1e-6
    expected_identity = (
        properties.derivative_at_zero is not None
        and properties.value_at_zero == 0
        and properties.derivative_at_zero == 1
    )
    assert properties.identity_near_zero == expected_identity


@each(ELEMENTWISE)
def test_kinks_are_exactly_where_one_sided_slopes_differ(activation: Activation) -> None:
    analysis = elementwise_analysis(activation)
    kinks = analysis.properties.kinks
    assert kinks is not None
    f = numpy_function(activation.at_defaults(), activation.variable)
    h = 1e-7
    for kink in kinks:
        at = float(kink.at)
        left = (f(np.array([at]))[0] - f(np.array([at - h]))[0]) / h
        right = (f(np.array([at + h]))[0] - f(np.array([at]))[0]) / h
        assert abs(left - float(kink.left_derivative)) < 1e-6
        assert abs(right - float(kink.right_derivative)) < 1e-6
        assert abs(left - right) > 1e-3
    # Between kinks the slope is continuous: no jump between neighbouring grid points.
    edges = [-10.0, *sorted(kink_points(analysis)), 10.0]
    for start, stop in itertools.pairwise(edges):
        segment = np.linspace(start + 2e-3, stop - 2e-3, 10_001)
        assert np.max(np.abs(np.diff(_slope(activation, segment)))) < 1e-2


@each(ELEMENTWISE)
def test_continuity_class_matches_the_kinks(activation: Activation) -> None:
    properties = elementwise_analysis(activation).properties
    assert properties.smoothness is not None
    assert properties.kinks is not None
    if properties.kinks:
        assert properties.smoothness.order == 0
        assert not properties.smoothness.infinite
    else:
        assert properties.smoothness.infinite


@each(VECTOR)
def test_vector_facts_hold_numerically(activation: Activation) -> None:
    analysis = vector_analysis(activation)
    x = sp.Symbol("x", real=True)
    reduction = numpy_function(analysis.two_class_reduction, x)(DENSE)
    assert analysis.component_range is not None
    assert np.all(reduction >= float(analysis.component_range.inf))
    assert np.all(reduction <= float(analysis.component_range.sup))
    exact = mpmath_function(analysis.two_class_reduction, x)
    with mpmath.workdps(60):
        for point in (-40, -10, 10, 40):
            assert 0 < exact(mpmath.mpf(point)) < 1
    assert analysis.sums_to_one is True
    assert analysis.shift_invariant is True
