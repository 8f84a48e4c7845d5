"""Every computed property checked against numbers sampled from the function."""

from __future__ import annotations

import itertools
from collections.abc import Callable

import mpmath
import numpy as np
import sympy as sp

from generator.analysis.pieces import canonical
from generator.records.analysis import Monotonicity, Saturation
from generator.records.catalog import Activation
from tests.conftest import SCALAR, VECTOR, each, elementwise_analysis, vector_analysis
from tests.numeric import breakpoints, mpmath_function, numpy_function

# (activation id, property) pairs SymPy cannot settle: their pages say "not determined".
# A None not listed here fails, and so does a listed pair that SymPy now settles. Every
# range is settled (exactly, or certified by interval arithmetic): none is listed.
KNOWN_GAPS: dict[tuple[str, str], str] = {}


def settled(activation: Activation, name: str, value: object) -> bool:
    """Whether to check the property numerically; gaps are asserted, never skipped quietly."""
    listed = (activation.id, name) in KNOWN_GAPS
    if value is None:
        assert listed, f"{name} of {activation.id} not determined: fix it or add a known gap"
        return False
    assert not listed, f"{name} of {activation.id} is determined now: drop the known gap"
    return True


DENSE = np.linspace(-40, 40, 80_001)
MODERATE = np.linspace(-15, 15, 30_001)  # where float64 still tells neighbours apart
FAR = mpmath.mpf(10) ** 6  # far enough for algebraic tails (1/x², 1/x) to settle
TAIL_TOLERANCE = 1e-5  # what a 1/x tail still differs from its limit at FAR


def _f(activation: Activation) -> np.ndarray:
    return numpy_function(activation.at_defaults(), activation.variable)(DENSE)


def _exact(activation: Activation, order: int = 0) -> Callable[[mpmath.mpf], mpmath.mpf]:
    """f or a derivative of f at the defaults, evaluated by mpmath."""
    expression = canonical(activation.at_defaults())
    return mpmath_function(sp.diff(expression, activation.variable, order), activation.variable)


def _components(domain: sp.Set) -> list[tuple[float, float, bool, bool]]:
    """A union of intervals and points as (low, high, low open, high open) parts."""
    if isinstance(domain, sp.Union):
        return [part for arg in domain.args for part in _components(arg)]
    if isinstance(domain, sp.FiniteSet):
        return [(float(point), float(point), False, False) for point in domain]
    assert isinstance(domain, sp.Interval)
    return [(float(domain.inf), float(domain.sup), domain.left_open, domain.right_open)]


@each(SCALAR)
def test_values_stay_in_the_range_and_approach_its_ends(activation: Activation) -> None:
    properties = elementwise_analysis(activation).properties
    claimed = properties.range
    assert properties.range_estimate is None, "numerical estimates are no longer made"
    if not settled(activation, "range", claimed):
        return
    assert claimed is not None
    values = _f(activation)
    inside = np.zeros(values.shape, dtype=bool)
    for low, high, _, _ in _components(claimed):
        inside |= (values >= low - 1e-12) & (values <= high + 1e-12)
    assert np.all(inside), f"values outside {claimed}: {values[~inside][:5]}"
    exact = _exact(activation)
    with mpmath.workdps(60):
        tails = (exact(-FAR), exact(FAR))
        for end, extreme in ((claimed.inf, values.min()), (claimed.sup, values.max())):
            if end.is_finite:
                gaps = [abs(extreme - float(end)), *(abs(tail - float(end)) for tail in tails)]
                assert min(gaps) < TAIL_TOLERANCE, f"neither grid nor tails approach {end}"
            else:
                assert max(abs(tail) for tail in tails) > 1e5, f"f looks bounded towards {end}"
        probes = [exact(mpmath.mpf(p)) for p in (-40, -10, 10, 40)]
        for low, high, low_open, high_open in _components(claimed):
            # open ends are approached, never reached
            if low_open and np.isfinite(low):
                assert all(value != low for value in probes)
            if high_open and np.isfinite(high):
                assert all(value != high for value in probes)


@each(SCALAR)
def test_extremes_are_the_ends_of_the_range(activation: Activation) -> None:
    """Each reported extreme is a finite end of the range, and f takes that value there."""
    properties = elementwise_analysis(activation).properties
    claimed = properties.range
    exact = _exact(activation)
    for extreme in properties.extremes:
        assert claimed is not None
        end = claimed.inf if extreme.kind == "minimum" else claimed.sup
        assert extreme.kind in ("minimum", "maximum")
        assert extreme.value == end or sp.simplify(extreme.value - end) == 0
        with mpmath.workdps(40):
            assert abs(exact(mpmath.mpf(str(sp.N(extreme.at, 40)))) - float(end)) < 1e-12
        assert claimed.contains(end) == sp.true, "an extreme is attained: a closed end"


@each(SCALAR)
def test_monotonicity_holds_on_a_dense_grid(activation: Activation) -> None:
    claimed = elementwise_analysis(activation).properties.monotonicity
    if not settled(activation, "monotonicity", claimed):
        return
    steps = np.diff(_f(activation))
    resolved = np.diff(numpy_function(activation.at_defaults(), activation.variable)(MODERATE))
    exact = _exact(activation)
    if claimed in (Monotonicity.STRICTLY_INCREASING, Monotonicity.NON_DECREASING):
        assert np.all(steps >= 0)
    if claimed is Monotonicity.STRICTLY_INCREASING:
        assert np.all(resolved > 0)
        with mpmath.workdps(60):  # in the tails float64 rounds neighbours together
            tail = [exact(mpmath.mpf(point)) for point in (-1000, -40, -39, 39, 40, 1000)]
        assert all(a < b for a, b in itertools.pairwise(tail))
    elif claimed is Monotonicity.NON_DECREASING:
        assert np.any(steps == 0), "claimed non-strict but never flat"
    elif claimed is Monotonicity.NOT_MONOTONIC:
        assert np.any(steps > 0)
        assert np.any(steps < 0)
    else:
        raise AssertionError(f"no numeric check for {claimed}")


@each(SCALAR)
def test_tails_match_the_limits_of_f_and_its_derivative(activation: Activation) -> None:
    properties = elementwise_analysis(activation).properties
    f, slope = _exact(activation), _exact(activation, 1)
    with mpmath.workdps(60):
        for side, tail, at in (("left", properties.left, -FAR), ("right", properties.right, FAR)):
            if settled(activation, f"{side} tail", tail.saturation):
                if tail.derivative_limit is None:  # oscillates: |f′| stays large somewhere
                    window = [abs(slope(at + k / 7)) for k in range(50)]
                    assert tail.saturation is Saturation.NONE
                    assert max(window) > 0.1
                else:
                    _approaches(slope(at), tail.derivative_limit)
                if tail.saturation is Saturation.HARD:
                    assert slope(at) == 0
                elif tail.saturation is Saturation.SOFT:
                    assert tail.derivative_limit == 0
                    assert slope(at / 10**5) != 0, "soft saturation is not exactly flat"
            if tail.oscillates:  # no limit: f keeps coming back to both bounds
                _oscillates_between(f, at, tail.value_bounds)
            elif settled(activation, f"{side} limit", tail.value_limit):
                assert tail.value_limit is not None
                _approaches(f(at), tail.value_limit)
        far_values = (f(-FAR), f(FAR))
        if properties.bounded_above is False:
            assert max(far_values) > 1e3
        if properties.bounded_below is False:
            assert min(far_values) < -1e3


def _oscillates_between(
    f: Callable[[mpmath.mpf], mpmath.mpf],
    at: mpmath.mpf,
    bounds: tuple[sp.Expr, sp.Expr] | None,
) -> None:
    """Far out, f keeps returning near both bounds (or past ±10³ for infinite ones)."""
    assert bounds is not None
    window = [f(at + k / 7) for k in range(50)]
    for bound, extreme in ((bounds[0], min(window)), (bounds[1], max(window))):
        if bound.is_finite:
            assert abs(extreme - float(bound)) < 0.05
        else:
            assert mpmath.sign(extreme) == np.sign(float(bound))
            assert abs(extreme) > 1e3


def _approaches(value: mpmath.mpf, limit: sp.Expr) -> None:
    """A value at ±FAR is near a finite limit, or large with the right sign for ±∞."""
    if limit.is_finite:
        assert abs(value - float(limit)) < TAIL_TOLERANCE
    else:
        assert mpmath.sign(value) == np.sign(float(limit))
        assert abs(value) > 1e3


@each(SCALAR)
def test_values_at_zero_symmetry_and_zero_centring(activation: Activation) -> None:
    properties = elementwise_analysis(activation).properties
    f = numpy_function(activation.at_defaults(), activation.variable)
    values = f(DENSE)
    if not settled(activation, "f(0)", properties.value_at_zero):
        return
    assert properties.value_at_zero is not None
    with mpmath.workdps(40):
        assert abs(_exact(activation)(mpmath.mpf(0)) - float(properties.value_at_zero)) < 1e-15
    if settled(activation, "odd", properties.odd):
        assert properties.odd == bool(np.allclose(f(-DENSE), -values, atol=1e-12))
    both_signs = bool(np.any(values < 0) and np.any(values > 0))
    if settled(activation, "zero-centred", properties.zero_centred):
        assert properties.zero_centred == (float(properties.value_at_zero) == 0 and both_signs)
    kinked_at_zero = any(k.at == 0 for k in properties.kinks or ())
    if properties.derivative_at_zero is not None:
        h = 1e-6
        numeric = (f(np.array([h]))[0] - f(np.array([-h]))[0]) / (2 * h)
        assert abs(numeric - float(properties.derivative_at_zero)) < 1e-6
    elif not kinked_at_zero:
        settled(activation, "f′(0)", None)
    if settled(activation, "identity near 0", properties.identity_near_zero):
        expected = (
            not kinked_at_zero
            and properties.value_at_zero == 0
            and properties.derivative_at_zero == 1
        )
        assert properties.identity_near_zero == expected


@each(SCALAR)
def test_kinks_are_exactly_where_one_sided_slopes_differ(activation: Activation) -> None:
    analysis = elementwise_analysis(activation)
    kinks = analysis.properties.kinks
    if not settled(activation, "kinks", kinks):
        return
    assert kinks is not None
    f = numpy_function(activation.at_defaults(), activation.variable)
    slope = numpy_function(analysis.derivative.subs(activation.defaults), activation.variable)
    h = 1e-7
    for kink in kinks:
        at = float(kink.at)
        left, right = slope(np.array([at - 1e-9, at + 1e-9]))
        assert abs(left - float(kink.left_derivative)) < 1e-6
        assert abs(right - float(kink.right_derivative)) < 1e-6
        jump = abs(f(np.array([at + h]))[0] - f(np.array([at - h]))[0])
        if kink.continuous:
            assert jump < 1e-5
            assert abs(left - right) > 1e-3, "a kink whose one-sided slopes agree"
        else:
            assert jump > 1e-3, "a jump that is not there"
    # Between kinks the slope moves no faster than f″ allows: no hidden jump in f′.
    second = numpy_function(
        analysis.second_derivative.subs(activation.defaults), activation.variable
    )
    edges = [-10.0, *sorted(float(k.at) for k in kinks if -10 < k.at < 10), 10.0]
    for start, stop in itertools.pairwise(edges):
        segment = np.linspace(start + 2e-3, stop - 2e-3, 10_001)
        allowed = np.nanmax(np.abs(second(segment))) * (segment[1] - segment[0]) * 1.5 + 1e-9
        assert np.nanmax(np.abs(np.diff(slope(segment)))) <= allowed


@each(SCALAR)
def test_continuity_class_matches_the_function(activation: Activation) -> None:
    properties = elementwise_analysis(activation).properties
    if not settled(activation, "smoothness", properties.smoothness):
        return
    assert properties.smoothness is not None
    points = breakpoints(activation, activation.defaults)
    if properties.smoothness.infinite:
        assert properties.kinks == ()
        return
    order = properties.smoothness.order
    x = activation.variable
    expression = canonical(activation.at_defaults())
    epsilon = 1e-9

    def jump(derivative_order: int) -> float:
        function = numpy_function(sp.diff(expression, x, derivative_order), x)
        return float(
            max(
                abs(function(np.array([p + epsilon]))[0] - function(np.array([p - epsilon]))[0])
                for p in points
            )
        )

    assert points, "a finite continuity class needs a branch point"
    for lower in range(max(order, -1) + 1):
        assert jump(lower) < 1e-6, f"f^({lower}) should be continuous"
    if not properties.smoothness.at_least:
        assert jump(order + 1) > 1e-6, f"f^({order + 1}) should jump"


@each(VECTOR)
def test_vector_facts_hold_numerically(activation: Activation) -> None:
    analysis = vector_analysis(activation)
    x = sp.Symbol("x", real=True)
    reduction = numpy_function(analysis.two_class_reduction, x)(DENSE)
    assert analysis.component_range is not None
    assert np.all(reduction >= float(analysis.component_range.inf))
    assert np.all(reduction <= float(analysis.component_range.sup))
    exact = mpmath_function(analysis.two_class_reduction, x)
    low, high = analysis.component_range.inf, analysis.component_range.sup
    with mpmath.workdps(60):
        for point in (-40, -10, 10, 40):
            value = exact(mpmath.mpf(point))
            assert low < value < high  # open at both ends
    assert analysis.shift_invariant is True
