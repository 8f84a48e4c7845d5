"""Turn catalog formula text into SymPy objects without ever executing it.

SymPy's own ``sympify``/``parse_expr`` call ``eval``; a catalog file is data, so instead the
text is parsed with :func:`ast.parse` (which only builds a tree) and each node is checked
against a whitelist and translated into SymPy by hand.
"""

from __future__ import annotations

import ast
import math
from collections.abc import Callable, Mapping
from typing import Final

import sympy as sp

MAX_LENGTH: Final = 2000
MAX_DEPTH: Final = 60
# Exact powers are computed at parse time; 9**9**9 would never finish.
MAX_EXPONENT: Final = 1000
# Functions whose arguments may be conditions or (symbol, low, high) tuples.
STRUCTURAL: Final = frozenset({"Piecewise", "Sum"})

# The functions a catalog formula may call, by the name it uses.
FUNCTIONS: Final[Mapping[str, Callable[..., sp.Basic]]] = {
    "exp": sp.exp,
    "log": sp.log,
    "sqrt": sp.sqrt,
    "sin": sp.sin,
    "cos": sp.cos,
    "tan": sp.tan,
    "atan": sp.atan,
    "sinh": sp.sinh,
    "cosh": sp.cosh,
    "tanh": sp.tanh,
    "asinh": sp.asinh,
    "erf": sp.erf,
    "erfc": sp.erfc,
    "sinc": sp.sinc,
    "cot": sp.cot,
    "acosh": sp.acosh,
    "Abs": sp.Abs,
    "sign": sp.sign,
    "Max": sp.Max,
    "Min": sp.Min,
    "Heaviside": sp.Heaviside,
    "Piecewise": sp.Piecewise,
    "Sum": sp.Sum,
    "KroneckerDelta": sp.KroneckerDelta,
}

CONSTANTS: Final[Mapping[str, sp.Basic]] = {"pi": sp.pi, "E": sp.E, "oo": sp.oo}

_BINARY: Final[Mapping[type[ast.operator], Callable[[sp.Basic, sp.Basic], sp.Basic]]] = {
    ast.Add: lambda a, b: a + b,
    ast.Sub: lambda a, b: a - b,
    ast.Mult: lambda a, b: a * b,
    ast.Div: lambda a, b: a / b,
    ast.Pow: lambda a, b: a**b,
}

_COMPARE: Final[Mapping[type[ast.cmpop], Callable[[sp.Basic, sp.Basic], sp.Basic]]] = {
    ast.Lt: sp.Lt,
    ast.LtE: sp.Le,
    ast.Gt: sp.Gt,
    ast.GtE: sp.Ge,
}


class ExpressionError(ValueError):
    """The formula text is not an allowed expression; the message says why."""


def parse_expression(text: str, symbols: Mapping[str, sp.Basic]) -> sp.Expr:
    """Parse ``text`` into a SymPy expression over the given names.

    ``symbols`` maps every name the formula may use (the variable, parameters, index
    names) to its SymPy object. Anything else — attribute access, keyword arguments,
    lambdas, strings, unknown names or functions — raises :class:`ExpressionError`.
    """
    if len(text) > MAX_LENGTH:
        raise ExpressionError(f"longer than {MAX_LENGTH} characters")
    try:
        tree = ast.parse(text.strip(), mode="eval")
    except SyntaxError as error:
        raise ExpressionError(f"does not parse: {error.msg}") from None
    result = _Translator(symbols).visit(tree.body, depth=0)
    if not isinstance(result, sp.Expr):
        raise ExpressionError("is not an arithmetic expression")
    return result


class _Translator:
    def __init__(self, symbols: Mapping[str, sp.Basic]) -> None:
        self._names = {**CONSTANTS, **symbols}

    def visit(self, node: ast.AST, depth: int) -> sp.Basic:
        if depth > MAX_DEPTH:
            raise ExpressionError(f"nested deeper than {MAX_DEPTH} levels")
        deeper = depth + 1
        match node:
            case ast.Constant(value=bool() | int() | float() as value):
                return _constant(value)
            case ast.Name(id=name):
                return self._name(name)
            case ast.UnaryOp(op=ast.USub(), operand=operand):
                negated: sp.Expr = -self._arith(operand, deeper)
                return negated
            case ast.UnaryOp(op=ast.UAdd(), operand=operand):
                return self._arith(operand, deeper)
            case ast.BinOp(left=left, op=op, right=right) if type(op) in _BINARY:
                a, b = self._arith(left, deeper), self._arith(right, deeper)
                if isinstance(op, ast.Pow) and b.is_Number and abs(b) > MAX_EXPONENT:
                    raise ExpressionError(f"exponent larger than {MAX_EXPONENT}")
                return _defined(_BINARY[type(op)](a, b))
            case ast.Compare(left=left, ops=[op], comparators=[right]) if type(op) in _COMPARE:
                a, b = self._arith(left, deeper), self._arith(right, deeper)
                try:
                    return _COMPARE[type(op)](a, b)
                except (TypeError, ValueError) as error:
                    raise ExpressionError(f"bad comparison: {error}") from None
            case ast.BoolOp(op=ast.And(), values=values):
                return sp.And(*(self.visit(value, deeper) for value in values))
            case ast.Tuple(elts=elements):
                return sp.Tuple(*(self.visit(element, deeper) for element in elements))
            case ast.Subscript(value=ast.Name(id=base), slice=index):
                target = self._names.get(base)
                if not isinstance(target, sp.IndexedBase):
                    raise ExpressionError(f"'{base}' cannot be indexed")
                element: sp.Basic = target[self._arith(index, deeper)]
                return element
            case ast.Call(func=ast.Name(id=name), args=args, keywords=[]):
                if name not in FUNCTIONS:
                    raise ExpressionError(f"function '{name}' is not allowed")
                read = self.visit if name in STRUCTURAL else self._arith
                arguments = [read(arg, deeper) for arg in args]
                try:
                    return _defined(FUNCTIONS[name](*arguments))
                except (TypeError, ValueError) as error:
                    raise ExpressionError(f"bad arguments to '{name}': {error}") from None
            case ast.Call():
                raise ExpressionError("only calls of allowed function names, without keywords")
            case ast.Attribute():
                raise ExpressionError("attribute access is not allowed")
        raise ExpressionError(f"'{type(node).__name__}' is not allowed in a formula")

    def _name(self, name: str) -> sp.Basic:
        if name in self._names:
            return self._names[name]
        if name in FUNCTIONS:
            raise ExpressionError(f"function '{name}' used without arguments")
        raise ExpressionError(f"unknown symbol '{name}'")

    def _arith(self, node: ast.AST, depth: int) -> sp.Expr:
        value = self.visit(node, depth)
        if not isinstance(value, sp.Expr):
            raise ExpressionError("a condition or tuple was used where a number is needed")
        return value


def _defined(value: sp.Basic) -> sp.Basic:
    """Reject arithmetic that SymPy evaluates to an undefined number (0·∞, 1/0)."""
    if value.has(sp.nan, sp.zoo):
        raise ExpressionError("undefined arithmetic (such as 0·∞ or division by zero)")
    return value


def _constant(value: bool | int | float) -> sp.Basic:
    if isinstance(value, bool):
        return sp.true if value else sp.false
    if isinstance(value, int):
        return sp.Integer(value)
    if not math.isfinite(value):
        raise ExpressionError(f"number {value} is not finite")
    return sp.Rational(repr(value))  # repr() round-trips the float: 0.01 is exactly 1/100
