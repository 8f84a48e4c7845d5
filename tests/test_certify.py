"""The certified extremum engine, checked against values found independently by mpmath."""

from __future__ import annotations

from fractions import Fraction

import mpmath
import pytest
import sympy as sp
from flint import arb

from generator.analysis.arb import compile_ball, precision
from generator.analysis.certify import certified_range
from generator.analysis.critical import roots
from generator.analysis.derivatives import rewrites
from generator.analysis.extrema import BranchImage, branch_image
from generator.analysis.pieces import UndeterminedError, canonical, split
from generator.analysis.tails import tail
from generator.records.analysis import Enclosure, Extreme, Method, Piece
from generator.records.catalog import Activation
from tests.conftest import SCALAR, each, elementwise_analysis
from tests.numeric import mpmath_function

X = sp.Symbol("x", real=True)
DIGITS = 50


def _inside(value: mpmath.mpf, enclosure: Enclosure) -> bool:
    low = mpmath.mpf(enclosure.low.p) / enclosure.low.q
    high = mpmath.mpf(enclosure.high.p) / enclosure.high.q
    return bool(low <= value <= high)


def _independent(activation: Activation, extreme: Extreme) -> tuple[mpmath.mpf, mpmath.mpf]:
    """The critical point by mpmath's findroot on f′ at 50 digits, and f there."""
    expression = canonical(activation.at_defaults())
    f = mpmath_function(expression, activation.variable)
    slope = mpmath_function(sp.diff(expression, activation.variable), activation.variable)
    with mpmath.workdps(DIGITS):
        start = mpmath.mpf(str(sp.N(extreme.at, 20)))
        if start == 0:
            return mpmath.mpf(0), f(start)  # f′(0) = 0 exactly: nothing to solve
        at = mpmath.findroot(slope, start, tol=mpmath.mpf(10) ** (-45))
        return at, f(at)


def test_the_catalog_has_extremes_of_both_methods() -> None:
    methods = {e.value_method for a in SCALAR for e in _extremes(a)}
    assert methods == {Method.EXACT, Method.CERTIFIED}


def _extremes(activation: Activation) -> tuple[Extreme, ...]:
    return elementwise_analysis(activation).properties.extremes


@each(SCALAR)
def test_enclosures_hold_the_independently_found_extremes(activation: Activation) -> None:
    for extreme in _extremes(activation):
        at, value = _independent(activation, extreme)
        with mpmath.workdps(DIGITS):
            assert _inside(at, extreme.at_enclosure), f"{activation.id}: x* = {at}"
            assert _inside(value, extreme.value_enclosure), f"{activation.id}: f(x*) = {value}"
            # A closed form lies in its enclosure; a Float is right to its 30 digits.
            for number, method, enclosure, truth in (
                (extreme.at, extreme.at_method, extreme.at_enclosure, at),
                (extreme.value, extreme.value_method, extreme.value_enclosure, value),
            ):
                published = mpmath.mpf(str(sp.N(number, DIGITS)))
                if method is Method.EXACT:
                    assert _inside(published, enclosure), f"{activation.id}: {number}"
                else:
                    assert abs(published - truth) <= abs(truth) * mpmath.mpf(10) ** -29
        width = extreme.value_enclosure.high - extreme.value_enclosure.low
        assert width < sp.Rational(1, 10**35), "an enclosure should give 30 digits and more"


def test_closed_forms_are_the_known_ones() -> None:
    by_id = {a.id: _extremes(a) for a in SCALAR}
    w = sp.LambertW(sp.exp(-1))
    omega = sp.LambertW(1)
    expected = {
        "silu": (-w, -1 - w),
        "swish_beta": (-w, -1 - w),
        "quick_gelu": (-500 * w / 851, (-1 - w) * 500 / 851),
        "golu": (-omega * sp.exp(-1 / omega), -omega),
        "elish": (2 * sp.sqrt(2) - 3, sp.log(sp.sqrt(2) - 1)),
        "lisht": (sp.Integer(0), sp.Integer(0)),
    }
    for name, (value, at) in expected.items():
        (extreme,) = by_id[name]
        assert extreme.value_method is Method.EXACT
        assert extreme.at_method is Method.EXACT
        assert sp.simplify(extreme.value - value) == 0, name
        assert sp.simplify(extreme.at - at) == 0, name


def test_a_polynomial_with_an_extreme_at_a_branch_end() -> None:
    """x³ − 3x on [−3/2, 2]: maximum 2 at x = −1 and at the end x = 2, minimum −2 at 1."""
    image = branch_image(Piece(X**3 - 3 * X, sp.Interval(sp.Rational(-3, 2), 2)), X, None, None)
    assert image.as_set == sp.Interval(-2, 2)
    (low,) = image.low.extremes
    (high,) = image.high.extremes
    expected = (sp.Integer(-2), sp.Integer(1), sp.Integer(2), sp.Integer(-1))
    assert (low.value, low.at, high.value, high.at) == expected
    assert low.at_method is Method.EXACT


def _image(f: sp.Expr) -> BranchImage:
    piece = Piece(f, sp.Interval(-sp.oo, sp.oo))
    return branch_image(piece, X, tail(piece, X, -sp.oo), tail(piece, X, sp.oo))


def test_a_bump_with_closed_forms() -> None:
    """x·e^(−x²): f′ = e^(−x²)(1 − 2x²), so solve gives ±1/√2 and the values ±1/√(2e)."""
    image = _image(X * sp.exp(-(X**2)))
    expected = 1 / sp.sqrt(2 * sp.E)
    for bound, sign in ((image.low, -1), (image.high, 1)):
        (extreme,) = bound.extremes
        assert extreme.value_method is Method.EXACT
        assert sp.simplify(extreme.value - sign * expected) == 0
        assert sp.simplify(extreme.at - sign / sp.sqrt(2)) == 0


def test_a_bump_without_a_closed_form_is_certified() -> None:
    """tanh(x)·e^(−x²): its extremes solve sech²x = 2x·tanh x, which has no closed form."""
    f = sp.tanh(X) * sp.exp(-(X**2))
    image = _image(f)
    value = mpmath_function(f, X)
    slope = mpmath_function(sp.diff(f, X), X)
    for bound, sign in ((image.low, -1), (image.high, 1)):
        (extreme,) = bound.extremes
        assert extreme.value_method is Method.CERTIFIED
        with mpmath.workdps(DIGITS):
            at = mpmath.findroot(slope, sign * mpmath.mpf("0.6"))
            assert _inside(at, extreme.at_enclosure)
            assert _inside(value(at), extreme.value_enclosure)


def test_sinc_has_its_global_minimum_on_both_sides() -> None:
    """sinc is even: the two first side lobes are both global minima, proved equal."""
    pieces = split(sp.sinc(X), X)
    left, right = tail(pieces[0], X, -sp.oo), tail(pieces[0], X, sp.oo)
    found = certified_range(pieces, X, left, right, ())
    minima = [e for e in found.extremes if e.kind == "minimum"]
    assert len(minima) == 2
    assert found.range.sup == 1
    with mpmath.workdps(DIGITS):
        lobe = mpmath.findroot(lambda t: mpmath.tan(t) - t, 4.49)
        value = mpmath.sin(lobe) / lobe
        assert all(_inside(value, e.value_enclosure) for e in minima)
        assert sorted(float(e.at) for e in minima) == pytest.approx([-float(lobe), float(lobe)])


def test_a_double_root_of_the_derivative_is_undetermined_rather_than_guessed() -> None:
    """x + sin²x has f′ = 1 + sin 2x with double roots: no box can isolate them."""
    piece = Piece(X + sp.sin(X) ** 2, sp.Interval(-sp.oo, sp.oo))
    with pytest.raises(UndeterminedError):
        branch_image(piece, X, None, None)
    slope = compile_ball((X - sp.Rational(1, 3)) ** 2, X)
    curvature = compile_ball(2 * (X - sp.Rational(1, 3)), X)
    with precision(), pytest.raises(UndeterminedError):
        roots(slope, curvature, Fraction(-1), Fraction(1))


def test_critical_points_are_isolated_in_order() -> None:
    """cos has its roots at ±π/2 and ±3π/2 in [−5, 5]; each box is tiny and holds one."""
    with precision():
        found = roots(
            compile_ball(sp.cos(X), X), compile_ball(-sp.sin(X), X), Fraction(-5), Fraction(5)
        )
        assert len(found) == 4
        for root, k in zip(found, (-3, -1, 1, 3), strict=True):
            assert root.ball.contains(k * arb.pi() / 2)
            assert root.high - root.low < Fraction(1, 10**30)
            assert float(root.low) == pytest.approx(k * float(sp.pi) / 2)


def test_rewrites_are_chosen_by_the_formula_not_by_a_clock() -> None:
    """simplify is skipped on tanh of a polynomial, factor on e^(851x/500)."""
    gelu_tanh = sp.tanh(X**3 + X) * X
    quick_gelu = X / (1 + sp.exp(-sp.Rational(851, 500) * X))
    assert sp.simplify not in rewrites(gelu_tanh)
    assert sp.factor in rewrites(gelu_tanh)
    assert sp.factor not in rewrites(quick_gelu)
    assert sp.simplify in rewrites(quick_gelu)
