"""Symbolic f′ and f″ against numeric differentiation, for every catalog entry."""

from __future__ import annotations

import mpmath
import numpy as np
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.analysis.vector import components
from generator.records.analysis import ElementwiseAnalysis
from generator.records.catalog import VECTOR_NAMES, Activation, S
from tests.conftest import SCALAR, VECTOR, each, elementwise_analysis, vector_analysis
from tests.numeric import (
    away_from,
    breakpoints,
    mpmath_function,
    numpy_function,
    parameter_sets,
)

GRID = np.concatenate([np.linspace(-8, 8, 161), [-30.0, -12.5, 12.5, 30.0]])
STEP = 1e-5  # central differences: error ~ STEP² f‴ + eps/STEP, about 1e-10 here


@each(SCALAR)
@pytest.mark.parametrize("parameters", [0, 1, 2], ids=["defaults", "small", "large"])
def test_derivatives_match_finite_differences(activation: Activation, parameters: int) -> None:
    analysis = elementwise_analysis(activation)
    values = parameter_sets(activation)[min(parameters, len(parameter_sets(activation)) - 1)]
    x = activation.variable
    f = numpy_function(activation.expression.subs(values), x)
    first = numpy_function(analysis.derivative.subs(values), x)
    second = numpy_function(analysis.second_derivative.subs(values), x)
    points = away_from(breakpoints(activation, values), GRID, margin=1e-3)
    numeric_first = (f(points + STEP) - f(points - STEP)) / (2 * STEP)
    numeric_second = (first(points + STEP) - first(points - STEP)) / (2 * STEP)
    np.testing.assert_allclose(first(points), numeric_first, rtol=1e-6, atol=1e-8)
    np.testing.assert_allclose(second(points), numeric_second, rtol=1e-6, atol=1e-8)


def _check_against_mpmath(activation: Activation, point: float) -> None:
    analysis = elementwise_analysis(activation)
    x = activation.variable
    defaults = activation.defaults
    f = mpmath_function(activation.at_defaults(), x)
    first = mpmath_function(analysis.derivative.subs(defaults), x)
    second = mpmath_function(analysis.second_derivative.subs(defaults), x)
    with mpmath.workdps(40):
        at = mpmath.mpf(point)
        expected_first = mpmath.diff(f, at, 1)
        expected_second = mpmath.diff(f, at, 2)
        assert abs(first(at) - expected_first) <= mpmath.mpf(10) ** -25 * (1 + abs(expected_first))
        assert abs(second(at) - expected_second) <= mpmath.mpf(10) ** -20 * (
            1 + abs(expected_second)
        )


def _filled_points(analysis: ElementwiseAnalysis) -> list[float]:
    """Points where a derivative is given by its limit as a separate one-point branch."""
    points = []
    for derivative in (analysis.derivative, analysis.second_derivative):
        if isinstance(derivative, sp.Piecewise):
            points += [float(c.rhs) for _, c in derivative.args if isinstance(c, sp.Eq)]
    return points


@each(SCALAR)
@pytest.mark.parametrize("point", [-6.5, -2.0, -0.3, 0.25, 1.0, 3.7, 9.0])
def test_derivatives_match_mpmath_on_grid(activation: Activation, point: float) -> None:
    if any(abs(point - p) < 1e-6 for p in breakpoints(activation, activation.defaults)):
        pytest.skip("a branch point: the derivative is checked on either side instead")
    _check_against_mpmath(activation, point)


@each(SCALAR)
@settings(max_examples=40, deadline=None)
@given(point=st.floats(min_value=-20, max_value=20, allow_nan=False))
def test_derivatives_match_mpmath_anywhere(activation: Activation, point: float) -> None:
    if any(abs(point - p) < 1e-3 for p in breakpoints(activation, activation.defaults)):
        return  # mpmath's stencil would straddle a branch point (covered by the grid tests)
    if any(abs(point - p) < 1e-3 for p in _filled_points(elementwise_analysis(activation))):
        return  # 0/0 filled by its limit (sinc′ at 0); the formula cancels badly right next to it
    _check_against_mpmath(activation, point)


@each(VECTOR)
def test_jacobian_matches_numeric_jacobian(activation: Activation) -> None:
    analysis = vector_analysis(activation)
    dimension = 4
    outputs = components(activation.at_defaults(), dimension)
    inputs = [VECTOR_NAMES["x"][k] for k in range(1, dimension + 1)]
    function = sp.lambdify([inputs], outputs, modules="numpy")
    i, j = VECTOR_NAMES["i"], VECTOR_NAMES["j"]
    rng = np.random.default_rng(7)
    for _ in range(5):
        point = rng.normal(scale=3, size=dimension)
        s = np.array(function(point))
        claimed = np.array(
            [
                [
                    float(
                        analysis.jacobian_entry.subs({i: a + 1, j: b + 1}).subs(
                            {S[k + 1]: s[k] for k in range(dimension)}
                        )
                    )
                    for b in range(dimension)
                ]
                for a in range(dimension)
            ]
        )
        numeric = np.empty((dimension, dimension))
        for b in range(dimension):
            step = np.zeros(dimension)
            step[b] = STEP
            numeric[:, b] = (
                np.array(function(point + step)) - np.array(function(point - step))
            ) / (2 * STEP)
        np.testing.assert_allclose(claimed, numeric, rtol=1e-6, atol=1e-9)
