"""LaTeX for formulas, derivatives, sets and conditions, all printed by SymPy."""

from __future__ import annotations

from decimal import Decimal, localcontext

import sympy as sp

from generator.records.analysis import Piece
from generator.records.catalog import Activation, Kind


def symbol_names(activation: Activation) -> dict[sp.Basic, str]:
    """How parameters are typeset (``negative_slope`` → ``\\alpha``)."""
    return {parameter.symbol: parameter.latex for parameter in activation.parameters}


def expression(activation: Activation, value: sp.Expr) -> str:
    return str(sp.latex(decimals(value), symbol_names=symbol_names(activation)))


def decimals(value: sp.Expr) -> sp.Expr:
    """Constants typed as decimals read as decimals: 1.0507009873554805, not p/2000000000000000.

    The parser keeps 1.0507… exact as a rational; a rational whose denominator divides a
    power of ten is a terminating decimal, printed here with all of its digits.
    """
    replacements = {}
    for number in value.atoms(sp.Rational):
        if number.q <= 100 or not _terminates(int(number.q)):
            continue
        with localcontext() as context:
            context.prec = 60  # more than any decimal a catalog file can hold
            text = str(Decimal(int(number.p)) / Decimal(int(number.q)))
        digits = len(text.replace("-", "").replace(".", "").lstrip("0"))
        replacements[number] = sp.Float(text, max(digits, 15))
    return value.xreplace(replacements)


def _terminates(denominator: int) -> bool:
    for factor in (2, 5):
        while denominator % factor == 0:
            denominator //= factor
    return denominator == 1


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
        return f"{expression(activation, piece.expression)} \\quad ({condition(piece.domain)})"
    rows = " \\\\ ".join(
        f"{expression(activation, piece.expression)} & {condition(piece.domain)}"
        for piece in pieces
    )
    return f"\\begin{{cases}} {rows} \\end{{cases}}"


def condition(domain: sp.Set, variable: str = "x") -> str:
    """A set of reals as the condition a reader expects: ``x < 0``, ``x \\neq 0``."""
    holes = sp.Complement(sp.S.Reals, domain)
    if isinstance(holes, sp.FiniteSet) and holes:
        return ",\\ ".join(f"{variable} \\neq {sp.latex(point)}" for point in holes)
    if isinstance(domain, sp.FiniteSet):
        return " \\text{ or } ".join(f"{variable} = {sp.latex(point)}" for point in domain)
    if isinstance(domain, sp.Union):
        return " \\text{ or } ".join(condition(part, variable) for part in domain.args)
    if isinstance(domain, sp.Interval):
        low, high = domain.inf, domain.sup
        left = "<" if domain.left_open else "\\leq"
        right = "<" if domain.right_open else "\\leq"
        if low == -sp.oo and high == sp.oo:
            return f"{variable} \\in \\mathbb{{R}}"
        if low == -sp.oo:
            return f"{variable} {right} {sp.latex(high)}"
        if high == sp.oo:
            flipped = ">" if domain.left_open else "\\geq"
            return f"{variable} {flipped} {sp.latex(low)}"
        return f"{sp.latex(low)} {left} {variable} {right} {sp.latex(high)}"
    return f"{variable} \\in {sp.latex(domain)}"


def interval(domain: sp.Set) -> str:
    """A range in the usual bracket notation: ``(0, 1)``, ``[0, \\infty)``, ``\\mathbb{R}``."""
    if domain == sp.S.Reals or domain == sp.Interval(-sp.oo, sp.oo):
        return "\\mathbb{R}"
    if isinstance(domain, sp.Interval):
        left = "(" if domain.left_open or domain.inf == -sp.oo else "["
        right = ")" if domain.right_open or domain.sup == sp.oo else "]"
        low, high = sp.latex(decimals(domain.inf)), sp.latex(decimals(domain.sup))
        return f"{left}{low}, {high}{right}"
    if isinstance(domain, sp.Union):
        return " \\cup ".join(interval(part) for part in domain.args)
    return str(sp.latex(domain))
