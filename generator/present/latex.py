"""LaTeX for an entry's formulas and values, printed by the pages' printer (``printers``).

Everything here prints the entry's :class:`~generator.records.catalog.Display`: typed
decimals as typed, named constants by their symbols (with their values stated once, by
:func:`constants`), named functions as Φ, σ, softplus, and conditions in their plain form.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

import sympy as sp

from generator.present.printers import (
    latex_condition,
    latex_expression,
    latex_named_interval,
    latex_value,
)
from generator.records.analysis import Piece
from generator.records.catalog import Activation, F, Kind

# f in a derivative identity, printed as f(x) by its name; named to sort after x and the
# parameters, so products read −2x·Gauss(x) and β·Swish(x), not Gauss(x)·x.
_VALUE: Final = sp.Symbol("zz_value", real=True)


def symbol_names(activation: Activation) -> dict[sp.Basic, str]:
    """How parameters and numbers are typeset (``negative_slope`` → ``\\alpha``, SELU's
    scale → ``\\lambda``, a typed 1.7159 → ``1.7159``)."""
    names: dict[sp.Basic, str] = {p.symbol: p.latex for p in activation.parameters}
    names |= {number.symbol: number.latex for number in activation.display.numbers}
    return names


def expression(activation: Activation, value: sp.Expr, excluded: Sequence[sp.Expr] = ()) -> str:
    """A formula of the entry, or a single value of it (a one-sided slope at a kink) in its
    named numbers. ``excluded``: points where it does not exist, left out of its conditions."""
    if isinstance(value, sp.Expr) and value.is_number:
        return number(activation, value)
    return latex_expression(value, **_settings(activation, excluded))


def _settings(activation: Activation, excluded: Sequence[sp.Expr] = ()) -> dict[str, object]:
    return {
        "symbol_names": symbol_names(activation),
        "defaults": {**activation.defaults, **activation.display.values},
        "excluded": tuple(excluded),
        # Sums ordered as if parameters and typed numbers were numbers: x − λ, 1 − βf.
        "typed": {
            **{symbol: value for symbol, value in activation.defaults.items() if value != 0},
            **activation.display.values,
        },
    }


def number(activation: Activation, value: sp.Expr) -> str:
    """A computed value (f(0), a limit, a slope): ``-\\lambda \\alpha \\approx -1.7581`` for
    SELU's f(−∞), ``\\frac{3}{5}`` for Mish's f′(0) = tanh(log 2), ``0.01`` for 1/100."""
    return latex_value(value, activation.display.values, symbol_names(activation))


def interval(activation: Activation, domain: sp.Set) -> str:
    """A range with ends in the named numbers: ``(-\\lambda \\alpha, \\infty) \\approx …``."""
    return latex_named_interval(domain, activation.display.values, symbol_names(activation))


def name(activation: Activation) -> str:
    """The name the formula goes by: the function itself, or g for the gate of a gated unit."""
    return "g" if activation.kind is Kind.GATED else activation.symbol_latex


def definition(activation: Activation) -> str:
    """``\\sigma(x) = \\frac{1}{1 + e^{-x}}``: the display form (proved equal to the catalog
    formula) or the formula itself, under the entry's own name."""
    shown = expression(activation, activation.display.definition)
    formula = f"{name(activation)}(x) = {shown}"
    if activation.kind is Kind.GATED:
        return f"{activation.symbol_latex}(a, b) = a \\otimes g(b), \\qquad {formula}"
    return formula


def constants(activation: Activation) -> tuple[str, ...]:
    """The named constants' values, every typed digit, one statement each
    (``\\lambda = 1.0507…``): the page sets them as separate formulas, so that a narrow
    screen wraps between them."""
    return tuple(
        f"{constant.latex} = {constant.digits}" for constant in activation.display.constants
    )


def derivative_line(
    activation: Activation,
    order: int,
    value: sp.Expr,
    pieces: tuple[Piece, ...] | None,
    excluded: Sequence[sp.Expr] = (),
) -> str:
    """f′(x) = …, as branches with their conditions when the derivative is piecewise."""
    primes = "\\prime" * order
    lhs = f"{name(activation)}^{{{primes}}}(x)"
    if pieces is None:
        return f"{lhs} = {expression(activation, value, excluded)}"
    return f"{lhs} = {cases(activation, pieces)}"


def identity(activation: Activation) -> str | None:
    """f′ in terms of f: ``\\sigma^{\\prime}(x) = \\sigma(x) \\left(1 - \\sigma(x)\\right)``."""
    form = activation.display.identity
    if form is None:
        return None
    function = name(activation)
    settings = _settings(activation)
    settings["symbol_names"] = {**symbol_names(activation), _VALUE: f"{function}(x)"}
    shown = latex_expression(form.xreplace({F: _VALUE}), **settings)
    return f"{function}^{{\\prime}}(x) = {shown}"


def cases(activation: Activation, pieces: tuple[Piece, ...]) -> str:
    if len(pieces) == 1:
        (piece,) = pieces
        return (
            f"{expression(activation, piece.expression)} \\quad ({latex_condition(piece.domain)})"
        )
    rows = " \\\\ ".join(
        f"{expression(activation, piece.expression)} & {latex_condition(piece.domain)}"
        for piece in pieces
    )
    return f"\\begin{{cases}} {rows} \\end{{cases}}"
