"""Plain text for activations.csv and activations.json, and the defaults pages quote."""

from __future__ import annotations

from typing import Any, ClassVar

import sympy as sp
from sympy.printing.str import StrPrinter


class PlainTextPrinter(StrPrinter):  # type: ignore[misc]  # SymPy is untyped
    """Numbers as their values and ranges as intervals, for the data files and defaults.

    Integers stay integers; every other number, a closed form such as log 2 or π/2
    included, is printed as its double: to ``digits`` significant digits, or with
    ``digits=None`` as the shortest text that reads back as the same double (0.01). ±∞ is
    ``inf``. Intervals read ``[-1, inf)``, finite sets ``{0, 1}`` in increasing order,
    unions join their parts with `` U ``.
    """

    _default_settings: ClassVar[dict[str, Any]] = {**StrPrinter._default_settings, "digits": 10}

    def _print(self, expr: Any, **kwargs: Any) -> str:
        # A number written as a formula (Mul, Pow, log, π) has no _print_ method of its
        # own that prints a value; it is printed like a Float.
        if isinstance(expr, sp.Expr) and expr.is_number and not expr.is_Number:
            return self._print_Float(expr)
        text: str = super()._print(expr, **kwargs)
        return text

    def _print_Float(self, expr: sp.Expr) -> str:  # noqa: N802
        value = float(expr)
        digits = self._settings["digits"]
        return repr(value) if digits is None else f"{value:.{digits}g}"

    def _print_Rational(self, expr: sp.Rational) -> str:  # noqa: N802
        return self._print_Float(expr)  # Integer, a subclass, keeps StrPrinter's _print_Integer

    def _print_Infinity(self, expr: sp.Expr) -> str:  # noqa: N802
        return "inf"

    def _print_NegativeInfinity(self, expr: sp.Expr) -> str:  # noqa: N802
        return "-inf"

    def _print_Interval(self, interval: sp.Interval) -> str:  # noqa: N802
        left = "(" if interval.left_open else "["
        right = ")" if interval.right_open else "]"
        return f"{left}{self._print(interval.start)}, {self._print(interval.end)}{right}"

    def _print_Reals(self, reals: sp.Interval) -> str:  # noqa: N802
        return self._print_Interval(reals)  # (-inf, inf), not StrPrinter's "Reals"

    def _print_FiniteSet(self, points: sp.FiniteSet) -> str:  # noqa: N802
        return "{" + ", ".join(self._print(p) for p in sorted(points.args, key=float)) + "}"

    def _print_Union(self, union: sp.Union) -> str:  # noqa: N802
        return " U ".join(self._print(part) for part in union.args)


def text_number(value: sp.Expr) -> str:
    """A number in ``activations.csv``: ``0.6931471806`` for log 2, ``inf``, ``3``."""
    text: str = PlainTextPrinter().doprint(value)
    return text


def text_interval(domain: sp.Set) -> str:
    """A range in ``activations.csv``: ``[-1, inf)``, ``(0, 1)``, ``{0} U (1, inf)``."""
    text: str = PlainTextPrinter().doprint(domain)
    return text


def shortest_text_number(value: sp.Expr) -> str:
    """A parameter default as people write it: ``0.01``, not ``1/100``; integers as ``3``."""
    text: str = PlainTextPrinter({"digits": None}).doprint(value)
    return text


def json_number(value: sp.Expr | None) -> float | str | None:
    """A number for ``activations.json``: finite numbers as JSON numbers, ±∞ as the strings
    ``"inf"`` and ``"-inf"`` (JSON has no infinity), anything not a real number as SymPy
    writes it."""
    if value is None:
        return None
    if value in (sp.oo, -sp.oo):
        return text_number(value)
    try:
        return float(value)
    except TypeError:
        return str(sp.sstr(value))


def sort_key_number(value: sp.Expr) -> str:
    """A number as a sort key of the comparison table, which JavaScript's ``Number()``
    reads: always a float (``0.0``), ±∞ spelled ``Infinity``."""
    if value in (sp.oo, -sp.oo):
        return "Infinity" if value == sp.oo else "-Infinity"
    return repr(float(value))
