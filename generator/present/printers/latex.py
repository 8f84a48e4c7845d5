"""LaTeX for the pages: formulas, numbers, ranges and the conditions of piecewise rows."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Final

import sympy as sp
from sympy.printing.latex import LatexPrinter

from generator.present.printers import conditions
from generator.present.printers.numbers import formula_text, simplified_value, value_text

# How numbers are rewritten before printing: in a formula (x/2, typed decimals as typed), as
# a value (f(0), a limit, a range end: 0.01 and −0.4472, long ones cut), or not at all.
FORMULA: Final = "formula"
VALUE: Final = "value"


class PageLatexPrinter(LatexPrinter):  # type: ignore[misc]  # SymPy is untyped
    """SymPy's LaTeX as the pages show it: sets in bracket notation, numbers as readers
    write them (``generator.present.printers.numbers``), ``\\arctan`` not ``\\operatorname{atan}``,
    and piecewise formulas as ``cases`` whose rows carry the condition they really hold on
    (``|x| > \\lambda``, ``|x| \\leq \\lambda``), not SymPy's "for … otherwise".

    Settings besides SymPy's: ``numbers`` (``"formula"``, ``"value"`` or None), ``variable``
    (the name of the formula's variable), ``defaults`` (parameter values, which decide which
    of several equivalent conditions is the simplest), ``excluded`` (points where the
    function shown does not exist, left out of every branch's condition) and ``typed`` (the
    symbols that stand for typed or named numbers, with their values: sums are ordered as if
    they were numbers, so 1 − 1.702x is not printed −1.702x + 1).

    Numbers are rewritten on the whole expression before printing, not in
    ``_print_Rational``, because ``_print_Mul`` splits a rational coefficient into the
    numerator and denominator of a fraction before any ``_print_Rational`` is reached. Each
    rewritten number becomes a symbol printed as its text.
    """

    _default_settings: ClassVar[dict[str, Any]] = {
        **LatexPrinter._default_settings,
        "inv_trig_style": "full",
        "numbers": FORMULA,
        "variable": "x",
        "defaults": {},
        "excluded": (),
        "typed": {},
    }

    def __init__(self, settings: Mapping[str, Any] | None = None) -> None:
        super().__init__(dict(settings or {}))
        self._number_values: dict[sp.Symbol, sp.Expr] = {}

    def doprint(self, expr: sp.Basic) -> str:
        mode = self._settings["numbers"]
        if mode is not None:
            expr = self._rewrite_numbers(expr, formula_text if mode == FORMULA else value_text)
        text: str = super().doprint(expr)
        return text

    def _rewrite_numbers(self, expr: sp.Basic, policy: Any) -> sp.Basic:
        names = dict(self._settings["symbol_names"])
        replacements = {}
        for number in expr.atoms(sp.Rational):
            text = policy(abs(number))
            if text is None:
                continue
            if not text.endswith("\\ldots"):  # every digit: a Float prints them as they are
                replacements[number] = sp.Float(f"{'-' if number < 0 else ''}{text}", 60)
                continue
            symbol = sp.Dummy(text, positive=True)
            names[symbol] = text
            self._number_values[symbol] = abs(number)
            replacements[number] = symbol if number > 0 else -symbol
        self._settings["symbol_names"] = names
        rewritten: sp.Basic = expr.xreplace(replacements)
        return rewritten

    def _as_ordered_terms(self, expr: sp.Basic, order: str | None = None) -> list[sp.Basic]:
        typed = self._settings["typed"]
        terms: list[sp.Basic] = super()._as_ordered_terms(expr, order=order)
        if not expr.is_Add or not expr.free_symbols & set(typed):
            return terms
        stand_ins = [term.xreplace(typed) for term in expr.args]
        if all(stand_in.is_number for stand_in in stand_ins):
            return terms  # a sum of parameters alone (p₁ − p₂): SymPy's order is the usual
        ordered = sp.Add(*stand_ins, evaluate=False).as_ordered_terms()
        remaining = list(zip(stand_ins, expr.args, strict=True))
        result = []
        for stand_in in ordered:
            match = next((pair for pair in remaining if pair[0] == stand_in), None)
            if match is None:
                return terms  # the stand-ins did not sort one to one: keep SymPy's order
            remaining.remove(match)
            result.append(match[1])
        return result if not remaining else terms

    def _needs_mul_brackets(self, expr: sp.Basic, first: bool = False, last: bool = False) -> bool:
        """``\\lambda \\begin{cases}…``: a branch block ending a product needs no brackets."""
        if expr.is_Piecewise and last:
            return False
        needs: bool = super()._needs_mul_brackets(expr, first=first, last=last)
        return needs

    def _print_Piecewise(self, expr: sp.Piecewise) -> str:  # noqa: N802
        x = self._variable(expr)
        values = {**self._settings["defaults"], **self._number_values}
        typed = [condition for _, condition in expr.args]
        concrete = [condition.xreplace(self._number_values) for condition in typed]
        only_x = all(condition.free_symbols <= {x} for condition in concrete)
        rows = []
        for row, branch in enumerate(expr.args):
            shown = (
                self._condition_of_set(concrete, row, x)
                if only_x
                else self._condition(typed, row, x, values)
            )
            if shown is not None:
                rows.append(f"{self._print(branch.expr)} & {shown}")
        body = " \\\\ ".join(rows)
        return f"\\begin{{cases}} {body} \\end{{cases}}"

    def _condition_of_set(self, typed: list[sp.Basic], row: int, x: sp.Symbol) -> str | None:
        """A condition in x alone: the set it holds on, printed as a condition."""
        try:
            where = conditions.effective(typed, row).as_set()
        except (NotImplementedError, TypeError, ValueError):
            fallback: str = self._print(typed[row])
            return fallback
        where = sp.Complement(where, sp.FiniteSet(*self._settings["excluded"]))
        if where is sp.S.EmptySet:
            return None
        own = ("symbol_names", "numbers", "inv_trig_style")
        settings = {key: self._settings[key] for key in own} | {"variable": self._print(x)}
        text: str = ConditionLatexPrinter(settings).doprint(where)
        return text

    def _condition(
        self, typed: list[sp.Basic], row: int, x: sp.Symbol, values: Mapping[sp.Basic, sp.Expr]
    ) -> str | None:
        """A condition with parameters: the plainest spelling, solved for x."""
        chosen = conditions.readable(typed, row, x, values, self._settings["excluded"])
        if chosen is None:
            return None
        excluded = self._settings["excluded"]

        def open_at(point: sp.Expr) -> bool:
            at = point.subs(values)
            return any(sp.simplify(at - kink) == 0 for kink in excluded)

        return conditions.show_condition(chosen, x, self._print, open_at=open_at)

    def _variable(self, expr: sp.Basic) -> sp.Symbol:
        name = self._settings["variable"]
        for symbol in expr.free_symbols:
            if isinstance(symbol, sp.Symbol) and symbol.name == name:
                return symbol
        return sp.Symbol(name, real=True)

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
    """A formula for a page; ``settings`` as for ``sympy.latex`` (e.g. ``symbol_names``)
    and :class:`PageLatexPrinter`'s own (``defaults``, ``excluded``)."""
    text: str = PageLatexPrinter(settings).doprint(expr)
    return text


def latex_number(value: sp.Expr) -> str:
    """A single computed value (f(0), a kink, a limit) as a reader writes it: simplified,
    small fractions as fractions, decimals as decimals (0.01, not 1/100), and a number with
    more digits than anyone typed cut to five significant ones (1.0507…)."""
    text: str = PageLatexPrinter({"numbers": VALUE}).doprint(simplified_value(value))
    return text


def latex_interval(domain: sp.Set) -> str:
    """A range in the usual notation: ``(0, 1)``, ``[0, \\infty)``, ``\\mathbb{R}``."""
    text: str = PageLatexPrinter({"numbers": VALUE}).doprint(domain)
    return text


def latex_condition(domain: sp.Set, variable: str = "x") -> str:
    """The set a branch holds on as a condition: ``x < 0``, ``x \\neq 0``."""
    text: str = ConditionLatexPrinter({"variable": variable}).doprint(domain)
    return text
