"""LaTeX for the pages: formulas, numbers, ranges and the conditions of piecewise rows."""

from __future__ import annotations

from decimal import Decimal, localcontext
from typing import Any, ClassVar, Final

import sympy as sp
from sympy.printing.latex import LatexPrinter

# Rationals with a denominator up to this are read as fractions (1/2, 3/8, 1/100), larger
# ones that terminate as the decimals they were typed as (1.0507009873554805).
_FRACTION_DENOMINATORS: Final = 100


class PageLatexPrinter(LatexPrinter):  # type: ignore[misc]  # SymPy is untyped
    """SymPy's LaTeX as the pages show it: sets in bracket notation, typed decimals as decimals.

    With ``decimals`` on (the default), a rational whose denominator is over 100 and divides
    a power of ten is printed as the decimal it was typed as, with all of its digits:
    1.0507009873554805, not p/2000000000000000. The parser keeps such constants exact. The
    rewrite is done on the whole expression before printing, not in ``_print_Rational``,
    because ``_print_Mul`` splits a rational coefficient into the numerator and denominator of
    a fraction before any ``_print_Rational`` is reached.
    """

    _default_settings: ClassVar[dict[str, Any]] = {
        **LatexPrinter._default_settings,
        "decimals": True,
    }

    def doprint(self, expr: sp.Basic) -> str:
        if self._settings["decimals"]:
            expr = _terminating_decimals(expr)
        text: str = super().doprint(expr)
        return text

    def _print_Interval(self, interval: sp.Interval) -> str:  # noqa: N802
        """``(0, 1)``, ``[0, \\infty)``: no ``\\left``/``\\right``, infinite ends open."""
        if interval.start == -sp.oo and interval.end == sp.oo:  # Interval(-oo, oo) is not S.Reals
            return "\\mathbb{R}"
        left = "(" if interval.left_open or interval.start == -sp.oo else "["
        right = ")" if interval.right_open or interval.end == sp.oo else "]"
        return f"{left}{self._print(interval.start)}, {self._print(interval.end)}{right}"

    def _print_Union(self, union: sp.Union) -> str:  # noqa: N802
        return " \\cup ".join(self._print(part) for part in union.args)


class ConditionLatexPrinter(PageLatexPrinter):
    """A set of reals as the condition a reader expects beside a branch of ``cases``.

    ``x < 0``, ``-1 \\leq x \\leq 1``, ``x = 0``, ``x \\in \\mathbb{R}``; the reals without a
    few points read ``x \\neq 0``; a union reads as its parts joined by "or". Any other set
    is a membership, ``x \\in S``. The variable's name is the ``variable`` setting.
    """

    _default_settings: ClassVar[dict[str, Any]] = {
        **PageLatexPrinter._default_settings,
        "variable": "x",
    }

    def _print_Interval(self, interval: sp.Interval) -> str:  # noqa: N802
        x = self._settings["variable"]
        low, high = interval.start, interval.end
        if low == -sp.oo and high == sp.oo:
            return f"{x} \\in \\mathbb{{R}}"
        left = "<" if interval.left_open else "\\leq"
        right = "<" if interval.right_open else "\\leq"
        if low == -sp.oo:
            return f"{x} {right} {self._print(high)}"
        if high == sp.oo:
            above = ">" if interval.left_open else "\\geq"
            return f"{x} {above} {self._print(low)}"
        return f"{self._print(low)} {left} {x} {right} {self._print(high)}"

    def _print_Reals(self, reals: sp.Interval) -> str:  # noqa: N802
        return self._print_Interval(reals)  # ℝ is an Interval with a LaTeX printer of its own

    def _print_FiniteSet(self, points: sp.FiniteSet) -> str:  # noqa: N802
        x = self._settings["variable"]
        return " \\text{ or } ".join(f"{x} = {self._print(point)}" for point in points)

    def _print_Union(self, union: sp.Union) -> str:  # noqa: N802
        """ℝ without some points (how SymPy writes x ≠ 0) reads ``x \\neq 0``."""
        excluded = self._excluded_points(union)
        if excluded is not None:
            return excluded
        return " \\text{ or } ".join(self._print(part) for part in union.args)

    def _print_Complement(self, complement: sp.Complement) -> str:  # noqa: N802
        excluded = self._excluded_points(complement)
        return self._print_Set(complement) if excluded is None else excluded

    def _print_Set(self, domain: sp.Set) -> str:  # noqa: N802
        """Any other set: ``x \\in S``, the set in the pages' notation."""
        return f"{self._settings['variable']} \\in {latex_interval(domain)}"

    # Sets LatexPrinter names itself would otherwise print as a bare set, not a condition.
    _print_EmptySet = _print_Intersection = _print_ConditionSet = _print_Set  # noqa: N815
    _print_ImageSet = _print_Range = _print_Integers = _print_Naturals = _print_Set  # noqa: N815

    def _excluded_points(self, domain: sp.Set) -> str | None:
        holes = sp.Complement(sp.S.Reals, domain)
        if not (holes.is_FiniteSet and holes):
            return None
        x = self._settings["variable"]
        return ",\\ ".join(f"{x} \\neq {self._print(point)}" for point in holes)


def latex_expression(expr: sp.Expr, **settings: Any) -> str:
    """A formula for a page; ``settings`` as for ``sympy.latex`` (e.g. ``symbol_names``)."""
    text: str = PageLatexPrinter(settings).doprint(expr)
    return text


def latex_number(value: sp.Expr) -> str:
    """A single computed value (f(0), a kink, a limit) exactly as SymPy prints it.

    Without the decimal rewrite: the pages print these values as fractions, even where a
    formula or a range shows the same constant as a decimal.
    """
    text: str = PageLatexPrinter({"decimals": False}).doprint(value)
    return text


def latex_interval(domain: sp.Set) -> str:
    """A range in the usual notation: ``(0, 1)``, ``[0, \\infty)``, ``\\mathbb{R}``."""
    text: str = PageLatexPrinter().doprint(domain)
    return text


def latex_condition(domain: sp.Set, variable: str = "x") -> str:
    """The set a branch holds on as a condition: ``x < 0``, ``x \\neq 0``."""
    text: str = ConditionLatexPrinter({"variable": variable}).doprint(domain)
    return text


def _terminating_decimals(value: sp.Basic) -> sp.Basic:
    replacements = {}
    for number in value.atoms(sp.Rational):
        if number.q <= _FRACTION_DENOMINATORS or not _terminates(int(number.q)):
            continue
        with localcontext() as context:
            context.prec = 60  # more than any decimal a catalog file can hold
            text = str(Decimal(int(number.p)) / Decimal(int(number.q)))
        digits = len(text.replace("-", "").replace(".", "").lstrip("0"))
        replacements[number] = sp.Float(text, max(digits, 15))
    rewritten: sp.Basic = value.xreplace(replacements)
    return rewritten


def _terminates(denominator: int) -> bool:
    for factor in (2, 5):
        while denominator % factor == 0:
            denominator //= factor
    return denominator == 1
