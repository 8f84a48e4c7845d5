"""Turn catalog formula text into SymPy objects without ever executing it.

SymPy's own ``sympify``/``parse_expr`` call ``eval``; a catalog file is data, so instead the
text is parsed with :func:`ast.parse` (which only builds a tree) and each node is checked
against a whitelist and translated into SymPy by hand.
"""

from __future__ import annotations

import ast
import math
from collections.abc import Callable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Final

import sympy as sp

from generator.catalog.expression_bounds import (
    MAX_LITERAL,
    MIN_LITERAL_EXPONENT,
    bounded,
    check_characters,
    check_power,
    check_powers,
    check_real,
    defined,
    short,
)
from generator.catalog.expression_bounds import (
    ExpressionError as ExpressionError,
)
from generator.catalog.named import NAMED

MAX_LENGTH: Final = 2000
MAX_DEPTH: Final = 60
# Functions whose arguments may be conditions or (symbol, low, high) tuples.
STRUCTURAL: Final = frozenset({"Piecewise", "Sum", "Integral"})

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

# What a display form (``display``, ``derivative_display``) and a derivative identity may
# call besides: the named functions of ``generator.catalog.named`` and, in a display form,
# an integral (``Integral(1 / (1 + t**2), (t, 0, x))``).
NAMED_FUNCTIONS: Final[Mapping[str, Callable[..., sp.Basic]]] = {**FUNCTIONS, **NAMED}
DISPLAY_FUNCTIONS: Final[Mapping[str, Callable[..., sp.Basic]]] = {
    **NAMED_FUNCTIONS,
    "Integral": sp.Integral,
}

CONSTANTS: Final[Mapping[str, sp.Basic]] = {"pi": sp.pi, "E": sp.E, "oo": sp.oo}
# How a decimal typed in a formula is read: its digits as typed, in plain notation
# ("0.0016" for 1.6e-3), to the number or symbol the caller wants for it.
Decimals = Callable[[str], sp.Expr]

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
    ast.Eq: sp.Eq,
    ast.NotEq: sp.Ne,
}


def exact_decimal(text: str) -> sp.Expr:
    """A typed decimal as the exact number its digits say: 0.01 is 1/100, and all 32 digits
    of SELU's λ are kept (a float would keep 17)."""
    return sp.Rational(text)


def parse_expression(
    text: str,
    symbols: Mapping[str, sp.Basic],
    *,
    functions: Mapping[str, Callable[..., sp.Basic]] = FUNCTIONS,
    decimals: Decimals = exact_decimal,
) -> sp.Expr:
    """Parse ``text`` into a SymPy expression over the given names.

    ``symbols`` maps every name the formula may use (the variable, parameters, index
    names) to its SymPy object, ``functions`` every function it may call. Anything else —
    attribute access, keyword arguments, lambdas, strings, unknown names or functions —
    raises :class:`ExpressionError`. Each decimal literal is handed, as typed, to
    ``decimals``: by default its exact value; the present stage asks for a symbol instead,
    so that 1.7159 is still 1.7159 in a printed derivative.
    """
    if len(text) > MAX_LENGTH:
        raise ExpressionError(f"longer than {MAX_LENGTH} characters")
    source = text.strip()
    check_characters(source)
    try:
        tree = ast.parse(source, mode="eval")
    except SyntaxError as error:
        raise ExpressionError(f"does not parse: {error.msg}") from None
    result = _Translator(symbols, functions, source, decimals).visit(tree.body, depth=0)
    if not isinstance(result, sp.Expr):
        raise ExpressionError("is not an arithmetic expression")
    check_powers(result)
    check_real(result)
    return result


class _Translator:
    def __init__(
        self,
        symbols: Mapping[str, sp.Basic],
        functions: Mapping[str, Callable[..., sp.Basic]],
        source: str,
        decimals: Decimals,
    ) -> None:
        self._names = {**CONSTANTS, **symbols}
        self._functions = functions
        self._source = source
        self._decimals = decimals

    def visit(self, node: ast.AST, depth: int) -> sp.Basic:
        if depth > MAX_DEPTH:
            raise ExpressionError(f"nested deeper than {MAX_DEPTH} levels")
        deeper = depth + 1
        match node:
            case ast.Constant(value=bool() | int() | float() as value):
                return self._number(node, value)
            case ast.Name(id=name):
                return self._name(name)
            case ast.UnaryOp(op=ast.USub(), operand=operand):
                negated: sp.Expr = -self._arith(operand, deeper)
                return negated
            case ast.UnaryOp(op=ast.UAdd(), operand=operand):
                return self._arith(operand, deeper)
            case ast.BinOp(left=left, op=op, right=right) if type(op) in _BINARY:
                return self._binary(op, self._arith(left, deeper), self._arith(right, deeper))
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
                return self._call(name, args, deeper)
            case ast.Call():
                raise ExpressionError("only calls of allowed function names, without keywords")
            case ast.Attribute():
                raise ExpressionError("attribute access is not allowed")
        raise ExpressionError(f"'{type(node).__name__}' is not allowed in a formula")

    def _binary(self, op: ast.operator, a: sp.Expr, b: sp.Expr) -> sp.Basic:
        """``a op b``; a power is bounded before it is computed and after."""
        if isinstance(op, ast.Pow):
            check_power(a, b)
        result = bounded(defined(_BINARY[type(op)](a, b)))
        if isinstance(op, ast.Pow):
            check_powers(result)
        return result

    def _call(self, name: str, args: list[ast.expr], depth: int) -> sp.Basic:
        if name not in self._functions:
            raise ExpressionError(f"function '{name}' is not allowed")
        read = self.visit if name in STRUCTURAL else self._arith
        arguments = [read(arg, depth) for arg in args]
        self._check_arguments(name, arguments)
        try:
            return bounded(defined(self._functions[name](*arguments)))
        except (TypeError, ValueError) as error:
            raise ExpressionError(f"bad arguments to '{name}': {error}") from None

    def _check_arguments(self, name: str, arguments: list[sp.Basic]) -> None:
        """The structural functions in the one form each is meant for."""
        if name == "Piecewise":
            last = arguments[-1] if arguments else None
            branch: tuple[sp.Basic, ...] = last.args if isinstance(last, sp.Tuple) else ()
            if not (len(branch) == 2 and branch[1] is sp.true):
                raise ExpressionError(
                    "a Piecewise must end with a (value, True) branch, so that it is defined "
                    "for every x"
                )
        elif name == "KroneckerDelta":
            if not all(self._is_index(argument) for argument in arguments):
                raise ExpressionError("KroneckerDelta takes the vector indices i and j only")
        elif name == "Sum":
            upper = self._names.get("n")
            limits = arguments[1:]
            single = len(limits) == 1 and isinstance(limits[0], sp.Tuple)
            limit: tuple[sp.Basic, ...] = limits[0].args if single else ()
            if not (
                len(limit) == 3
                and self._is_index(limit[0])
                and limit[1] == 1
                and upper is not None
                and limit[2] == upper
            ):
                raise ExpressionError(
                    "a Sum runs over the vector's components only: Sum(..., (j, 1, n))"
                )

    def _is_index(self, value: sp.Basic) -> bool:
        """i or j of a vector entry: an integer symbol the caller named, other than n."""
        return (
            isinstance(value, sp.Symbol)
            and bool(value.is_integer)
            and value.name != "n"
            and self._names.get(value.name) == value
        )

    def _number(self, node: ast.Constant, value: bool | int | float) -> sp.Basic:
        """A decimal literal from its digits as typed, not from the float Python made of it."""
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_LITERAL:
            raise ExpressionError(f"the integer {short(value)} is larger than {MAX_LITERAL:.0e}")
        if not isinstance(value, float) or not math.isfinite(value):
            return _constant(value)
        typed = ast.get_source_segment(self._source, node) or repr(value)
        if abs(value) > MAX_LITERAL:
            raise ExpressionError(f"the number {typed} is larger than {MAX_LITERAL:.0e}")
        try:
            exact_typed = Decimal(typed.replace("_", ""))
            if exact_typed and exact_typed.adjusted() < MIN_LITERAL_EXPONENT:
                problem = f"is smaller than 1e{MIN_LITERAL_EXPONENT}: write 0 or a larger number"
                raise ExpressionError(f"the number {typed} {problem}")
            digits = format(exact_typed, "f")
        except InvalidOperation:
            digits = repr(value)
        exact = sp.Rational(digits)
        if exact.is_Integer:
            return exact  # 2.0 is the integer 2: no decimal to keep
        return self._decimals(digits)

    def _name(self, name: str) -> sp.Basic:
        if name in self._names:
            return self._names[name]
        if name in self._functions:
            raise ExpressionError(f"function '{name}' used without arguments")
        raise ExpressionError(f"unknown symbol '{name}'")

    def _arith(self, node: ast.AST, depth: int) -> sp.Expr:
        value = self.visit(node, depth)
        if not isinstance(value, sp.Expr):
            raise ExpressionError("a condition or tuple was used where a number is needed")
        return value


def _constant(value: bool | int | float) -> sp.Basic:
    if isinstance(value, bool):
        return sp.true if value else sp.false
    if isinstance(value, int):
        return sp.Integer(value)
    if not math.isfinite(value):
        raise ExpressionError(f"number {value} is not finite")
    return sp.Rational(repr(value))  # repr() round-trips the float: 0.01 is exactly 1/100
