"""Computed values written in the entry's named numbers: SELU's f(−∞) is −λα ≈ −1.7581.

The analysis hands over exact numbers only; these printers find, by rational equality,
which product of the entry's constants and typed decimals a long one is, and print that
with its value, so the page never shows the 64-digit product itself.
"""

from __future__ import annotations

from collections.abc import Mapping

import sympy as sp

from generator.present.printers.latex import VALUE, PageLatexPrinter, latex_interval, latex_number
from generator.present.printers.numbers import in_named_numbers, rounded, simplified_value


def latex_value(
    value: sp.Expr,
    numbers: Mapping[sp.Symbol, sp.Rational],
    symbol_names: Mapping[sp.Basic, str],
) -> str:
    """A computed value written in the entry's named numbers where it is a product of them:
    SELU's f′(+∞) is ``\\lambda``, its f(−∞) ``-\\lambda \\alpha \\approx -1.7581``; an
    approximation follows every form that is not one typed number. Otherwise as
    :func:`latex_number`."""
    simple = simplified_value(value)
    named = _named(simple, numbers)
    settings = {"numbers": VALUE, "symbol_names": dict(symbol_names)}
    text: str = PageLatexPrinter(settings).doprint(named)
    if named != simple and not isinstance(named, sp.Symbol):
        text += f" \\approx {rounded(simple)}"
    return text


def latex_named_interval(
    domain: sp.Set,
    numbers: Mapping[sp.Symbol, sp.Rational],
    symbol_names: Mapping[sp.Basic, str],
) -> str:
    """A range with its ends in the entry's named numbers: ``(-\\lambda \\alpha, \\infty)
    \\approx (-1.7581, \\infty)``; as :func:`latex_interval` where no end is one."""
    if not isinstance(domain, sp.Interval):
        return latex_interval(domain)
    ends = [_named(end, numbers) for end in (domain.start, domain.end)]
    if ends == [domain.start, domain.end]:
        return latex_interval(domain)
    settings = {"numbers": VALUE, "symbol_names": dict(symbol_names)}
    printer = PageLatexPrinter(settings)
    left = "(" if domain.left_open or domain.start == -sp.oo else "["
    right = ")" if domain.right_open or domain.end == sp.oo else "]"
    named = f"{left}{printer.doprint(ends[0])}, {printer.doprint(ends[1])}{right}"
    approximate = [_approximate(end) for end in (domain.start, domain.end)]
    return f"{named} \\approx {left}{approximate[0]}, {approximate[1]}{right}"


def _named(value: sp.Expr, numbers: Mapping[sp.Symbol, sp.Rational]) -> sp.Expr:
    if not numbers or not isinstance(value, sp.Expr):
        return value
    replacements = {
        number: in_named_numbers(number, numbers) for number in value.atoms(sp.Rational)
    }
    named: sp.Expr = value.xreplace(replacements)
    return named


def _approximate(end: sp.Expr) -> str:
    if end in (sp.oo, -sp.oo):
        return latex_number(end)
    return rounded(end)
