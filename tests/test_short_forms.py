"""The short NumPy forms (``implementations/short``): short, stable, and close to exact.

The page's first code tab is this form, so it is held to what a reader pastes: a dozen
lines, lines of at most 88 characters, NumPy and SciPy only, the catalog's signature, and
the same awkward-input contract as the accurate modules (no warning, no overflow, NaN only
for NaN). Its accuracy is measured by ``make bench-accuracy`` and published; here it must
also stay within ``CENTRE_ULP`` where activations are used, so no form can hide a
cancellation behind a footnote.
"""

from __future__ import annotations

from typing import Any, Final

import numpy as np
import pytest

from generator.implementations import forms
from generator.numerics import measure, reference
from generator.numerics.grid import accuracy_grid
from generator.numerics.ulp import summarise
from generator.records.catalog import Activation, Kind
from tests.conftest import CATALOG, MEMO, each, elementwise_analysis
from tests.stability import (
    call,
    catalog_signature,
    check_awkward_inputs,
    imported_modules,
    signature_of,
)

ELEMENTWISE = tuple(a for a in CATALOG if a.kind is Kind.ELEMENTWISE)
CENTRE: Final = accuracy_grid()[::16]
CENTRE_POINTS: Final = CENTRE[np.abs(CENTRE) <= 10]
CENTRE_ULP: Final = {"float64": 256.0, "float32": 256.0}  # catastrophic cancellation is 1e5+
CONDITION_ULP: Final = 2.0
CENTRE_ABSOLUTE: Final = 1e-13  # near a zero of the quantity, where ULPs mean nothing
IMPORTS: Final = {"numpy", "scipy", "scipy.special"}


def _source(activation: Activation) -> str:
    text = forms.source(forms.SHORT, activation.id)
    assert text is not None, f"write generator/implementations/short/{activation.id}.py"
    return text


def _functions(activation: Activation) -> tuple[Any, Any]:
    found = forms.short_functions(activation.id)
    assert found is not None, f"write generator/implementations/short/{activation.id}.py"
    return found[0], found[1]


@each(ELEMENTWISE)
def test_is_short(activation: Activation) -> None:
    text = _source(activation)
    lines = forms.body_lines(text)
    assert lines <= forms.MAX_BODY_LINES, f"{lines} lines of code, at most {forms.MAX_BODY_LINES}"
    long = [n for n, line in enumerate(text.splitlines(), 1) if len(line) > forms.MAX_LINE]
    assert not long, f"lines over {forms.MAX_LINE} characters: {long}"


@each(ELEMENTWISE)
def test_imports_nothing_but_numpy_and_scipy(activation: Activation) -> None:
    imported = imported_modules(_source(activation))
    assert imported <= IMPORTS, imported - IMPORTS


@each(ELEMENTWISE)
def test_signature_matches_the_catalog(activation: Activation) -> None:
    expected = catalog_signature(activation)
    for function in _functions(activation):
        found = signature_of(function)
        assert found == expected
        assert function.__doc__, "say in one line what keeps it stable"


@each(ELEMENTWISE)
@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_awkward_inputs(activation: Activation, dtype: type[np.floating]) -> None:
    """No warning, finite for finite, NaN for NaN, the limits at ±inf, −0.0 like 0.0."""
    check_awkward_inputs(activation, _functions(activation), dtype)


@each(ELEMENTWISE)
@pytest.mark.parametrize("quantity", measure.QUANTITIES)
def test_close_to_exact_where_activations_are_used(
    activation: Activation, quantity: measure.Quantity
) -> None:
    """|x| ≤ 10 at the defaults: within CENTRE_ULP, plus what the problem itself amplifies
    (CONDITION_ULP per unit of the condition number |x·q′/q|: rounding x alone costs that),
    or CENTRE_ABSOLUTE next to a zero."""
    function = dict(zip(measure.QUANTITIES, _functions(activation), strict=True))[quantity]
    analysis = elementwise_analysis(activation)
    case = measure.case(activation, analysis, quantity, CENTRE_POINTS, MEMO)
    slope = analysis.derivative if quantity == "f" else analysis.second_derivative
    exact_slope = reference.exact(
        slope.subs(activation.defaults), activation.variable, case.grid, MEMO
    )[0]
    with np.errstate(all="ignore"):
        condition = np.abs(case.grid * exact_slope / case.exact[0])
    for name, dtype in measure.DTYPES.items():
        outcome = measure.run(function, case, dtype)
        assert not outcome.warnings, outcome.warnings
        summary = summarise(outcome.errors)
        assert summary.non_finite == summary.wrong_special == 0, name
        allowed = CENTRE_ULP[name] + CONDITION_ULP * np.nan_to_num(condition, posinf=0.0)
        over = outcome.errors.ulp > allowed  # NaN (measured absolutely) compares False
        assert not over.any(), (
            f"{name}: {outcome.errors.ulp[over][:3]} ULP at x = {case.grid[over][:3]}"
        )
        if summary.max_absolute is not None and name == "float64":
            assert summary.max_absolute <= CENTRE_ABSOLUTE, f"{name}: {summary.max_absolute:.3g}"


def test_int_input_gives_float64() -> None:
    for activation in ELEMENTWISE:
        f, _ = _functions(activation)
        assert np.asarray(f([1, 2])).dtype == np.float64, activation.id


def test_body_lines_counts_code_only() -> None:
    text = (
        '"""Doc."""\n\nimport numpy as np\n\n\ndef f(x, a=1.0):\n    """One line."""\n'
        "    # a comment\n    y = np.where(\n        x > 0, x, a * x\n    )\n    return y\n"
    )
    assert forms.body_lines(text) == 4


@each(tuple(a for a in ELEMENTWISE if measure.breakpoints(a)))
def test_values_at_kinks_are_the_accurate_modules(activation: Activation) -> None:
    """At a kink f′ is a convention (PyTorch's, on the page): the short form keeps it."""
    from generator import implementations

    accurate = implementations.functions(activation.id)
    assert accurate is not None
    kinks = np.array(measure.breakpoints(activation))
    for short, exact in zip(_functions(activation), accurate, strict=True):
        for dtype in (np.float64, np.float32):
            points = kinks.astype(dtype)
            assert np.array_equal(call(short, points), call(exact, points), equal_nan=True)
