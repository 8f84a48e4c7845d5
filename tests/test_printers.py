"""The present stage's printers: exact text for each kind of SymPy object, per output."""

from __future__ import annotations

import pytest
import sympy as sp

from generator.present.printers import (
    javascript_expression,
    json_number,
    latex_condition,
    latex_expression,
    latex_interval,
    latex_number,
    shortest_text_number,
    sort_key_number,
    text_interval,
    text_number,
)
from tests.conftest import CATALOG, elementwise_analysis

oo = sp.oo
HALF = sp.Rational(1, 2)
LAMBDA = sp.Rational(2101401974710961, 2000000000000000)  # SELU's λ as the parser keeps it
SELU_MINIMUM = sp.Rational(-8790496704236883909170257921223, 5000000000000000000000000000000)  # −λα
STAR_RELU_MINIMUM = sp.Rational(-559, 1250)  # −0.4472
WHOLE_LINE = sp.Interval(-oo, oo)  # an Interval, not SymPy's singleton ℝ (S.Reals)
HARDSHRINK_RANGE = sp.Union(
    sp.FiniteSet(0), sp.Interval.open(-oo, -HALF), sp.Interval.open(HALF, oo)
)
BY_ID = {activation.id: activation for activation in CATALOG}


@pytest.mark.parametrize(
    ("domain", "expected"),
    [
        (sp.Interval.open(0, 1), "(0, 1)"),
        (sp.Interval(-1, 1), "[-1, 1]"),
        (sp.Interval(0, 1, True, False), "(0, 1]"),
        (sp.Interval(-1, 1, False, True), "[-1, 1)"),
        (sp.Interval(0, oo), "[0, \\infty)"),
        (sp.Interval(-oo, 0), "(-\\infty, 0]"),
        (sp.S.Reals, "\\mathbb{R}"),
        (WHOLE_LINE, "\\mathbb{R}"),
        (sp.Interval.open(-sp.pi / 2, sp.pi / 2), "(- \\frac{\\pi}{2}, \\frac{\\pi}{2})"),
        (sp.Interval.open(SELU_MINIMUM, oo), "(- 1.7580\\ldots, \\infty)"),  # 31 digits: cut
        (sp.Interval(STAR_RELU_MINIMUM, oo), "[-0.4472, \\infty)"),
        (sp.Interval(sp.Rational(-3, 8), oo), "[- \\frac{3}{8}, \\infty)"),  # q ≤ 100: a fraction
        (sp.Interval(sp.Float("-0.278465", 6), oo), "[-0.278465, \\infty)"),
        (sp.FiniteSet(1, 0), "\\left\\{0, 1\\right\\}"),
        (
            HARDSHRINK_RANGE,
            "(-\\infty, - \\frac{1}{2}) \\cup \\left\\{0\\right\\} \\cup (\\frac{1}{2}, \\infty)",
        ),
    ],
    ids=repr,
)
def test_latex_interval(domain: sp.Set, expected: str) -> None:
    assert latex_interval(domain) == expected


@pytest.mark.parametrize(
    ("domain", "expected"),
    [
        (sp.Interval.open(-oo, 0), "x < 0"),
        (sp.Interval.open(0, oo), "x > 0"),
        (sp.Interval(-oo, 0), "x \\leq 0"),
        (sp.Interval(0, oo), "x \\geq 0"),
        (sp.Interval.open(-3, 3), "-3 < x < 3"),
        (sp.Interval(-1, 1, False, True), "-1 \\leq x < 1"),
        (sp.S.Reals, "x \\in \\mathbb{R}"),
        (WHOLE_LINE, "x \\in \\mathbb{R}"),
        (sp.FiniteSet(0), "x = 0"),
        (sp.FiniteSet(-1, 1), "x = -1 \\text{ or } x = 1"),
        (sp.Complement(sp.S.Reals, sp.FiniteSet(0)), "x \\neq 0"),  # SymPy: (−∞, 0) ∪ (0, ∞)
        (
            sp.Complement(sp.S.Reals, sp.FiniteSet(-HALF, HALF)),
            "x \\neq - \\frac{1}{2},\\ x \\neq \\frac{1}{2}",
        ),
        (
            sp.Union(sp.Interval.open(-oo, -1), sp.Interval(1, oo, True, False)),
            "x < -1 \\text{ or } x > 1",
        ),
        (sp.Interval.open(-oo, LAMBDA), "x < 1.0507009873554805"),
        (sp.S.EmptySet, "x \\in \\emptyset"),
    ],
    ids=repr,
)
def test_latex_condition(domain: sp.Set, expected: str) -> None:
    assert latex_condition(domain) == expected


def test_latex_condition_names_the_variable() -> None:
    assert latex_condition(sp.Interval.open(0, 1), variable="b") == "0 < b < 1"


def test_relu_branches_read_as_conditions() -> None:
    relu = elementwise_analysis(BY_ID["relu"])
    assert relu.derivative_pieces is not None
    assert [latex_condition(p.domain) for p in relu.derivative_pieces] == ["x < 0", "x > 0"]
    assert relu.second_derivative_pieces is not None
    assert [latex_condition(p.domain) for p in relu.second_derivative_pieces] == ["x \\neq 0"]


def test_hardshrink_second_derivative_excludes_both_kinks() -> None:
    hardshrink = elementwise_analysis(BY_ID["hardshrink"])
    assert hardshrink.second_derivative_pieces is not None
    (piece,) = hardshrink.second_derivative_pieces
    assert latex_condition(piece.domain) == "x \\neq - \\frac{1}{2},\\ x \\neq \\frac{1}{2}"


def test_latex_expression_prints_typed_decimals_as_decimals() -> None:
    x = sp.Symbol("x", real=True)
    alpha = sp.Symbol("alpha")
    # A Mul would print the rational coefficient as \frac{2101401974710961 x}{2000000…}.
    assert latex_expression(LAMBDA * x) == "1.0507009873554805 x"
    assert latex_expression(HALF * x + sp.Rational(1, 100)) == "\\frac{x}{2} + \\frac{1}{100}"
    assert latex_expression(alpha * x, symbol_names={alpha: "\\alpha"}) == "\\alpha x"


def test_latex_number_as_readers_write_it() -> None:
    assert latex_number(STAR_RELU_MINIMUM) == "-0.4472"  # a decimal stays a decimal
    assert latex_number(sp.Rational(1, 100)) == "0.01"
    assert latex_number(sp.Rational(11, 48)) == "\\frac{11}{48}"  # a small fraction stays one
    assert latex_number(sp.Rational(17159, 15000)) == "1.1439\\ldots"  # cut, never 5/5 digits
    assert latex_number(LAMBDA) == "1.0507009873554805"  # 17 digits, as a catalog types them
    assert latex_number(sp.tanh(sp.log(2))) == "\\frac{3}{5}"  # simplified first
    assert latex_number(sp.log(2)) == "\\log{\\left(2 \\right)}"
    assert latex_number(-oo) == "-\\infty"


@pytest.mark.parametrize(
    ("domain", "expected"),
    [
        (sp.Interval.open(0, 1), "(0, 1)"),
        (sp.Interval(-1, 1), "[-1, 1]"),
        (sp.Interval(0, 1, True, False), "(0, 1]"),
        (sp.Interval(-1, oo), "[-1, inf)"),
        (sp.Interval(-oo, 0), "(-inf, 0]"),
        (sp.S.Reals, "(-inf, inf)"),
        (WHOLE_LINE, "(-inf, inf)"),
        (sp.Interval.open(-sp.pi / 2, sp.pi / 2), "(-1.570796327, 1.570796327)"),
        (sp.Interval.open(SELU_MINIMUM, oo), "(-1.758099341, inf)"),
        (sp.FiniteSet(1, 0, -HALF), "{-0.5, 0, 1}"),
        (sp.FiniteSet(4, sp.pi), "{3.141592654, 4}"),  # by value: SymPy puts π after 4
        (HARDSHRINK_RANGE, "(-inf, -0.5) U {0} U (0.5, inf)"),
    ],
    ids=repr,
)
def test_text_interval(domain: sp.Set, expected: str) -> None:
    assert text_interval(domain) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (sp.Integer(3), "3"),
        (sp.Integer(0), "0"),
        (HALF, "0.5"),
        (sp.Rational(1, 3), "0.3333333333"),
        (sp.log(2), "0.6931471806"),
        (sp.exp(-1), "0.3678794412"),
        (sp.pi, "3.141592654"),
        (sp.Float("0.1"), "0.1"),
        (oo, "inf"),
        (-oo, "-inf"),
    ],
    ids=repr,
)
def test_text_number(value: sp.Expr, expected: str) -> None:
    assert text_number(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (sp.Integer(-1), "-1"),
        (sp.Rational(1, 100), "0.01"),
        (sp.Rational(3333333333333333, 10000000000000000), "0.3333333333333333"),
        (LAMBDA, "1.0507009873554805"),
    ],
    ids=repr,
)
def test_shortest_text_number(value: sp.Expr, expected: str) -> None:
    assert shortest_text_number(value) == expected


def test_json_number() -> None:
    assert json_number(None) is None
    assert json_number(HALF) == 0.5
    assert isinstance(json_number(sp.Integer(1)), float)
    assert json_number(oo) == "inf"
    assert json_number(-oo) == "-inf"
    assert json_number(sp.AccumBounds(-1, 1)) == "AccumBounds(-1, 1)"


def test_sort_key_number() -> None:
    assert sort_key_number(sp.Integer(0)) == "0.0"
    assert sort_key_number(sp.Rational(-3, 8)) == "-0.375"
    assert sort_key_number(oo) == "Infinity"
    assert sort_key_number(-oo) == "-Infinity"


def test_javascript_expression() -> None:
    x, alpha = sp.Symbol("x", real=True), sp.Symbol("alpha")
    formula = sp.Piecewise((alpha * x, x < 0), (sp.erf(x) - HALF, True))
    printed = javascript_expression(formula, x, ["alpha"], {"erf": "ActivationMath.erf"})
    assert printed == "((x < 0) ? (p.alpha*x) : ActivationMath.erf(x) + (-0.5))"
    assert javascript_expression(sp.Max(x, -3 * HALF), x, [], {}) == "Math.max((-1.5), x)"
    with pytest.raises(ValueError, match="unexpected symbol y"):
        javascript_expression(sp.Symbol("y") * x, x, [], {})
