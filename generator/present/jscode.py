"""JavaScript printed from the catalog: f and f′ of every scalar entry, for the widgets.

The explorer (sliders on a parameterised page) and the picker (the comparison page) draw
curves in the browser. They never carry a formula of their own: this module prints
``activation.expression`` and the analysis' symbolic ``derivative`` with SymPy's JavaScript
printer (``printers.JavascriptPrinter``) into one generated file,
``assets/javascripts/curves.js``, so the browser evaluates exactly what the page typesets.
Functions JavaScript lacks (erf, erfc, Heaviside) come from the hand-written helper
``generator/static/javascripts/activation-math.js``.

The output is deterministic: the same catalog and analyses give the same bytes.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal
from typing import Final

import sympy as sp

from generator.present.printers import javascript_expression
from generator.records.analysis import ElementwiseAnalysis
from generator.records.catalog import Activation, Kind, Parameter
from generator.records.services import Memo

CURVES_PATH: Final = "assets/javascripts/curves.js"  # every entry: the comparison page's picker
# One entry each, for the explorer on its page: a page loads its own curve, not all of them.
ENTRY_CURVES: Final = "assets/javascripts/curves/{id}.js"
HELPER: Final = "ActivationMath"  # the object activation-math.js defines on the global scope
# SymPy functions JavaScript's Math lacks, printed as calls into the helper file.
HELPER_FUNCTIONS: Final = {
    "erf": f"{HELPER}.erf",
    "erfc": f"{HELPER}.erfc",
    "Heaviside": f"{HELPER}.heaviside",
    "sign": "Math.sign",
}
POSITIONS: Final = 200  # a slider has about this many positions
_NICE: Final = (Decimal(1), Decimal(2), Decimal("2.5"), Decimal(5))
_PROBES: Final = (sp.Rational(-5, 2), sp.Rational(-7, 10), sp.Rational(3, 5), sp.Rational(19, 10))


def javascript(activation: Activation, expression: sp.Expr) -> str:
    """One JavaScript expression in ``x`` and ``p`` (the parameter values by name)."""
    parameters = [p.name for p in activation.parameters]
    return javascript_expression(expression, activation.variable, parameters, HELPER_FUNCTIONS)


@dataclass(frozen=True)
class Slider:
    """An ``<input type=range>`` for one parameter; numbers as the HTML attributes hold them."""

    name: str
    default: str
    min: str
    max: str
    step: str


def slider(activation: Activation, parameter: Parameter, derivative: sp.Expr) -> Slider:
    """The slider range, derived from the default d (never typed per entry).

    d > 0 gives [0, max(4d, 1)], d < 0 gives [min(4d, −1), 0] and d = 0 gives [−1, 1]. The
    step is the 1-2-2.5-5 number nearest above span/200, so there are at most about 200
    positions, and the grid is laid through d itself (the browser counts steps from
    ``min``), so the default is a position of the slider and the page opens at it: ``min``
    and ``max`` are the grid points nearest inside the range. A range end of 0 where f or f′
    is not finite at 0 (a division by the parameter: CELU's α, Softplus's β) moves one step
    inwards.
    """
    default = Decimal(repr(float(parameter.default)))
    if default > 0:
        low, high = Decimal(0), max(4 * default, Decimal(1))
    elif default < 0:
        low, high = min(4 * default, Decimal(-1)), Decimal(0)
    else:
        low, high = Decimal(-1), Decimal(1)
    step = _nice_step((high - low) / POSITIONS)
    below = ((default - low) / step).to_integral_value(rounding=ROUND_FLOOR)
    above = ((high - default) / step).to_integral_value(rounding=ROUND_FLOOR)
    low, high = default - below * step, default + above * step
    if (low == 0 or high == 0) and not _finite_at_zero(activation, parameter, derivative):
        low, high = (low + step, high) if low == 0 else (low, high - step)
    return Slider(
        parameter.name,
        _slider_number(default),
        _slider_number(low),
        _slider_number(high),
        _slider_number(step),
    )


def _nice_step(raw: Decimal) -> Decimal:
    exponent = raw.adjusted()
    for power in (exponent, exponent + 1):
        for mantissa in _NICE:
            candidate = mantissa.scaleb(power)
            if candidate >= raw:
                return candidate
    raise AssertionError(raw)  # pragma: no cover: 10^(exponent + 1) > raw always


def _finite_at_zero(activation: Activation, parameter: Parameter, derivative: sp.Expr) -> bool:
    values = {**activation.defaults, parameter.symbol: sp.Integer(0)}
    for expression in (activation.expression, derivative):
        fixed = expression.subs(values)
        for probe in _PROBES:
            value = sp.N(fixed.subs(activation.variable, probe))
            if not (value.is_real and value.is_finite):
                return False
    return True


def _slider_number(value: Decimal) -> str:
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


@dataclass(frozen=True)
class PrintedCurve:
    """What curves.js holds for one entry."""

    id: str
    name: str
    family: str
    gated: bool
    sliders: tuple[Slider, ...]
    f: str
    df: str


def cached_curve(activation: Activation, analysis: ElementwiseAnalysis, memo: Memo) -> PrintedCurve:
    """``curve``, kept across builds while the entry's content and this printer hold."""
    return memo.cached("curves", [activation.mathematics()], lambda: curve(activation, analysis))


def curve(activation: Activation, analysis: ElementwiseAnalysis) -> PrintedCurve:
    return PrintedCurve(
        id=activation.id,
        name=activation.name,
        family=activation.family.slug,
        gated=activation.kind is Kind.GATED,
        sliders=tuple(slider(activation, p, analysis.derivative) for p in activation.parameters),
        f=javascript(activation, activation.expression),
        df=javascript(activation, analysis.derivative),
    )


def curves_script(curves: Sequence[PrintedCurve]) -> str:
    """The generated ``curves.js``: ``ACTIVATION_CURVES[id] = {name, parameters, f, df}``."""
    lines = [
        "/* Generated by generator/present/jscode.py from the catalog; do not edit.",
        "   f and df are printed by SymPy from each entry's formula and its derivative. */",
        "(function (root) {",
        '  "use strict";',
        f"  var {HELPER} = root.{HELPER};",
        "  root.ACTIVATION_CURVES = {",
    ]
    for index, entry in enumerate(curves):
        parameters = ", ".join(
            f"{json.dumps(s.name)}: {{default: {s.default}, min: {s.min}, max: {s.max},"
            f" step: {s.step}}}"
            for s in entry.sliders
        )
        lines += [
            f"    {json.dumps(entry.id)}: {{",
            f"      name: {json.dumps(entry.name)},",
            f"      family: {json.dumps(entry.family)},",
            f"      gated: {'true' if entry.gated else 'false'},",
            f"      parameters: {{{parameters}}},",
            f"      f: function (x, p) {{ return {entry.f}; }},",
            f"      df: function (x, p) {{ return {entry.df}; }}",
            "    }" + ("," if index < len(curves) - 1 else ""),
        ]
    lines += [
        "  };",
        '})(typeof window !== "undefined" ? window : globalThis);',
        "",
    ]
    return "\n".join(lines)
