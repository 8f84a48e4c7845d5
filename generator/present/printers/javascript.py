"""JavaScript for curves.js: the formulas the explorers and the picker evaluate."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import sympy as sp
from sympy.printing.jscode import JavascriptCodePrinter


class JavascriptPrinter(JavascriptCodePrinter):  # type: ignore[misc]  # SymPy is untyped
    """SymPy's JavaScript printer with parameters read from ``p`` and one-line branches.

    Rationals print as the nearest double (``0.5``, not ``1/2``), so a literal costs no
    division at run time and means the same as NumPy's evaluation of the expression.
    ``functions`` maps SymPy functions JavaScript's ``Math`` lacks to the calls that stand
    in for them.
    """

    def __init__(
        self, variable: sp.Symbol, parameters: Sequence[str], functions: Mapping[str, str]
    ) -> None:
        super().__init__({"user_functions": dict(functions), "strict": True})
        self._variable = variable
        self._parameters = frozenset(parameters)

    def _print_Symbol(self, expr: sp.Symbol) -> str:  # noqa: N802
        if expr == self._variable:
            return "x"
        if expr.name in self._parameters:
            return f"p.{expr.name}"
        raise ValueError(f"unexpected symbol {expr} in a scalar formula")

    def _print_Rational(self, expr: sp.Rational) -> str:  # noqa: N802
        return _javascript_literal(float(expr))

    def _print_Integer(self, expr: sp.Integer) -> str:  # noqa: N802
        return str(int(expr)) if abs(int(expr)) < 2**53 else _javascript_literal(float(expr))

    def _print_Float(self, expr: sp.Float) -> str:  # noqa: N802
        return _javascript_literal(float(expr))

    def _print_Piecewise(self, expr: sp.Piecewise) -> str:  # noqa: N802
        pieces = list(expr.args)
        last = pieces[-1]
        result: str
        if last.cond == sp.true:
            result = self._print(last.expr)
            pieces = pieces[:-1]
        else:
            result = "NaN"  # outside every branch: undefined, as in SymPy
        for piece in reversed(pieces):
            condition, value = self._print(piece.cond), self._print(piece.expr)
            result = f"(({condition}) ? ({value}) : {result})"
        return result

    def _print_sinc(self, expr: sp.Expr) -> str:
        argument = self._print(expr.args[0])
        return f"(({argument}) === 0 ? 1 : Math.sin({argument}) / ({argument}))"


def javascript_expression(
    expr: sp.Expr, variable: sp.Symbol, parameters: Sequence[str], functions: Mapping[str, str]
) -> str:
    """One JavaScript expression in ``x`` and ``p`` (the parameter values by name)."""
    text: str = JavascriptPrinter(variable, parameters, functions).doprint(expr)
    return text


def _javascript_literal(value: float) -> str:
    text = repr(value)
    return f"({text})" if value < 0 else text
