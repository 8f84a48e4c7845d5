"""LaTeX for formulas and derivatives, printed by the pages' printer (``printers.py``)."""

from __future__ import annotations

import sympy as sp

from generator.present.printers import latex_condition, latex_expression
from generator.records.analysis import Piece
from generator.records.catalog import Activation, Kind


def symbol_names(activation: Activation) -> dict[sp.Basic, str]:
    """How parameters are typeset (``negative_slope`` → ``\\alpha``)."""
    return {parameter.symbol: parameter.latex for parameter in activation.parameters}


def expression(activation: Activation, value: sp.Expr) -> str:
    """A formula of the entry, its parameters under their symbols, typed decimals as such."""
    return latex_expression(value, symbol_names=symbol_names(activation))


def name(activation: Activation) -> str:
    """The name the formula goes by: the function itself, or g for the gate of a gated unit."""
    return "g" if activation.kind is Kind.GATED else activation.symbol_latex


def definition(activation: Activation) -> str:
    """``\\sigma(x) = \\frac{1}{1 + e^{-x}}``: the catalog formula under its own name."""
    formula = f"{name(activation)}(x) = {expression(activation, activation.expression)}"
    if activation.kind is Kind.GATED:
        return f"{activation.symbol_latex}(a, b) = a \\otimes g(b), \\qquad {formula}"
    return formula


def derivative_line(
    activation: Activation, order: int, value: sp.Expr, pieces: tuple[Piece, ...] | None
) -> str:
    """f′(x) = …, as branches with their conditions when the derivative is piecewise."""
    primes = "\\prime" * order
    head = f"{name(activation)}^{{{primes}}}(x) = "
    if pieces is None:
        return head + expression(activation, value)
    return head + cases(activation, pieces)


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
