"""The JavaScript the widgets draw with agrees with the formula: run in node, against NumPy.

``curves.js`` is printed by SymPy from each entry's expression and derivative; here every
scalar entry's f and f′ are evaluated by node at 50 points (away from kinks and branch
points), at the defaults and at two other parameter settings, and compared with NumPy's
evaluation of the same SymPy expressions: the explorer can never disagree with the page.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from decimal import Decimal
from functools import cache
from typing import Final

import numpy as np
import pytest
import sympy as sp

from generator.present import jscode
from generator.records.catalog import Activation
from tests.conftest import PATHS, SCALAR, each, elementwise_analysis
from tests.numeric import away_from, breakpoints, numpy_function, parameter_sets

HELPER: Final = PATHS.static / "javascripts" / "activation-math.js"
GRID: Final = np.linspace(-5.93, 5.87, 50)
TOLERANCE: Final = 1e-9


@cache
def _script() -> str:
    curves = [jscode.curve(a, elementwise_analysis(a)) for a in SCALAR]
    return jscode.curves_script(curves)


def _node(program: str) -> object:
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is not installed; the site build needs it too", pytrace=False)
    result = subprocess.run(
        [node, "-"], input=program, capture_output=True, text=True, check=False, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def _evaluate(activation: Activation, cases: list[tuple[dict[str, float], list[float]]]) -> object:
    """[[f values, df values] per case], computed by curves.js in node."""
    program = (
        HELPER.read_text(encoding="utf-8")
        + _script()
        + f"""
const curve = globalThis.ACTIVATION_CURVES[{json.dumps(activation.id)}];
const cases = {json.dumps(cases)};
const show = (v) => (Number.isFinite(v) ? v : String(v));
process.stdout.write(JSON.stringify(cases.map(([p, xs]) =>
    [xs.map((x) => show(curve.f(x, p))), xs.map((x) => show(curve.df(x, p)))])));
"""
    )
    return _node(program)


@each(SCALAR)
def test_javascript_matches_the_formula(activation: Activation) -> None:
    analysis = elementwise_analysis(activation)
    x = activation.variable
    cases = []
    expected = []
    for values in parameter_sets(activation):
        points = away_from(breakpoints(activation, values), GRID, margin=1e-2)
        assert len(points) >= 45
        cases.append(({s.name: float(v) for s, v in values.items()}, points.tolist()))
        expected.append(
            (
                numpy_function(activation.expression.subs(values), x)(points),
                numpy_function(analysis.derivative.subs(values), x)(points),
            )
        )
    results = _evaluate(activation, cases)
    assert isinstance(results, list)
    for (parameters, points), (f_js, df_js), (f_np, df_np) in zip(
        cases, results, expected, strict=True
    ):
        for label, got, want in (("f", f_js, f_np), ("f′", df_js, df_np)):
            got_array = np.array([float(v) for v in got])
            assert np.all(np.isfinite(want)), f"{activation.id}: NumPy {label} not finite"
            close = np.isclose(got_array, want, rtol=TOLERANCE, atol=TOLERANCE)
            rows = zip(points, got_array, want, close, strict=True)
            bad = [(p, g, w) for p, g, w, ok in rows if not ok]
            assert not bad, f"{activation.id} {label} at {parameters}: (x, js, numpy) {bad[:5]}"


def test_curves_cover_every_scalar_entry_and_nothing_else() -> None:
    program = (
        HELPER.read_text(encoding="utf-8")
        + _script()
        + ("process.stdout.write(JSON.stringify(Object.keys(globalThis.ACTIVATION_CURVES)));")
    )
    assert _node(program) == [a.id for a in SCALAR]


def test_generated_script_is_deterministic() -> None:
    again = jscode.curves_script([jscode.curve(a, elementwise_analysis(a)) for a in SCALAR])
    assert again == _script()


def test_erf_helper_is_accurate() -> None:
    from scipy.special import erf, erfc

    xs = np.concatenate([np.linspace(-8, 8, 801), [2.999999, 3.0, 3.000001, -3.0, 1e-300]])
    program = HELPER.read_text(encoding="utf-8") + (
        f"const xs = {json.dumps(xs.tolist())}; const M = globalThis.ActivationMath;"
        "process.stdout.write(JSON.stringify([xs.map(M.erf), xs.map(M.erfc)]));"
    )
    result = _node(program)
    assert isinstance(result, list)
    got_erf, got_erfc = (np.array(values, dtype=np.float64) for values in result)
    np.testing.assert_allclose(got_erf, erf(xs), rtol=1e-14, atol=1e-300)
    np.testing.assert_allclose(got_erfc, erfc(xs), rtol=1e-10, atol=1e-300)


@each(tuple(a for a in SCALAR if a.parameters))
def test_slider_range_is_derived_from_the_default(activation: Activation) -> None:
    analysis = elementwise_analysis(activation)
    for parameter in activation.parameters:
        made = jscode.slider(activation, parameter, analysis.derivative)
        default, low, high, step = (
            Decimal(v) for v in (made.default, made.min, made.max, made.step)
        )
        assert default == Decimal(repr(float(parameter.default)))
        assert low <= default <= high
        assert ((default - low) / step) % 1 == 0, "the default is not a slider position"
        assert ((high - low) / step) % 1 == 0
        assert 50 <= (high - low) / step <= 201, f"{(high - low) / step} positions"
        if default > 0:
            assert 0 <= low <= step
            assert max(4 * default, Decimal(1)) - step < high <= max(4 * default, Decimal(1))
        elif default < 0:
            assert min(4 * default, Decimal(-1)) <= low < min(4 * default, Decimal(-1)) + step
            assert -step <= high <= 0
        else:
            assert (low, high) == (Decimal(-1), Decimal(1))
        for end in (low, high):  # the ends of the slider draw a curve, not NaN
            values = {**activation.defaults, parameter.symbol: sp.Rational(str(end))}
            for expression in (activation.expression, analysis.derivative):
                value = sp.N(expression.subs(values).subs(activation.variable, sp.Rational(3, 7)))
                assert value.is_finite, f"{activation.id}: {parameter.name} = {end}"


def test_printer_uses_the_helper_for_erf_and_parameters_from_p() -> None:
    gelu = next(a for a in SCALAR if a.id == "gelu")
    assert "ActivationMath.erf(" in jscode.javascript(gelu, gelu.expression)
    elu = next(a for a in SCALAR if a.id == "elu")
    printed = jscode.javascript(elu, elu.expression)
    assert "p.alpha" in printed
    assert "\n" not in printed
