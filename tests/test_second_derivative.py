"""Where f″ does not exist, the page says so: checked against one-sided numeric slopes of f′."""

from __future__ import annotations

import mpmath
import sympy as sp

from generator.analysis.pieces import boundaries, canonical, left_of, right_of, split
from generator.records.catalog import Activation
from tests.conftest import SCALAR, each, elementwise_analysis
from tests.numeric import mpmath_function

STEP = mpmath.mpf(10) ** -12  # one-sided difference step, at 50 digits: error ~1e-12
DIGITS = 50


def _one_sided_curvatures(activation: Activation, point: sp.Expr) -> tuple[mpmath.mpf, ...]:
    """Forward and backward differences of f′ at ``point``, each from its own branch."""
    x = activation.variable
    pieces = split(activation.at_defaults(), x)
    left = mpmath_function(sp.diff(left_of(pieces, point).expression, x), x)
    right = mpmath_function(sp.diff(right_of(pieces, point).expression, x), x)
    at = mpmath.mpf(sp.N(point, DIGITS))
    with mpmath.workdps(DIGITS):
        return (
            (left(at) - left(at - STEP)) / STEP,
            (right(at + STEP) - right(at)) / STEP,
        )


@each(SCALAR)
def test_second_derivative_exists_except_where_said(activation: Activation) -> None:
    analysis = elementwise_analysis(activation)
    x = activation.variable
    kinks = {sp.nsimplify(k.at) for k in analysis.properties.kinks or ()}
    missing = set(analysis.no_second_derivative_at)
    assert not missing & kinks, "a kink (no f′) is not also listed as missing f″"
    for point in boundaries(split(canonical(activation.at_defaults()), x)):
        if point in kinks:
            continue
        left, right = _one_sided_curvatures(activation, point)
        jumps = abs(left - right) > mpmath.mpf(10) ** -6 * (1 + abs(left) + abs(right))
        assert jumps == (point in missing), f"f″ at x = {point}: {left} vs {right}"


@each(tuple(a for a in SCALAR if elementwise_analysis(a).no_second_derivative_at))
def test_no_second_derivative_means_c1_at_most(activation: Activation) -> None:
    smoothness = elementwise_analysis(activation).properties.smoothness
    assert smoothness is not None
    assert not smoothness.infinite
    assert smoothness.order <= 1


def test_the_known_cases_are_found() -> None:
    found = {a.id for a in SCALAR if elementwise_analysis(a).no_second_derivative_at}
    assert {"elu", "celu", "elish", "softsign", "squared_relu", "star_relu", "sparse_plus"} <= found
