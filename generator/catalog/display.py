"""Read the fields that decide how an entry's formulas are printed: ``constants``,
``display``, ``derivative_display`` and ``inner``, and the entry's formulas with numbers kept
as symbols.

The analysis works on the exact formula (every decimal a rational). Printed from that, 1.7159
comes back as 17159/10000 once SymPy has multiplied it by 2/3, and SELU's λ as a 32-digit
fraction. So the formulas are parsed a second time with each typed decimal and each named
constant as a symbol (:class:`~generator.records.catalog.Number`), which the printers show
as typed; the two parses are of the same text, so they are the same function.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Final

import sympy as sp

from generator.catalog.expressions import (
    DISPLAY_FUNCTIONS,
    FUNCTIONS,
    NAMED_FUNCTIONS,
    ExpressionError,
    parse_expression,
)
from generator.catalog.fields import Fields
from generator.catalog.latex_whitelist import latex_problem
from generator.catalog.limits import SYMBOL_CHARACTERS
from generator.catalog.quoting import quoted
from generator.catalog.reserved import name_problem
from generator.errors import CatalogError
from generator.records.catalog import Display, Inner, InnerSymbol, Number, TypedNumber

# The integration variable a display form may use (arctan(x) as ∫₀ˣ dt / (1 + t²)).
T: Final = sp.Symbol("t", real=True)
_NAME: Final = re.compile(r"^[a-z][a-z0-9_]*$")
DISPLAY_FIELDS: Final = ("display", "derivative_display")
# An inner function's name: one letter, which no formula of the entry already uses.
_INNER: Final = re.compile(r"^[A-Za-z]$")
_TAKEN: Final = frozenset({"x", "t", "f", "s", "i", "j", "n", "E"})


class Numbers:
    """The entry's named constants, and each typed decimal as it is met, as symbols."""

    def __init__(self, constants: tuple[Number, ...]) -> None:
        self._found: dict[str, Number] = {}
        self.constants = constants

    def literal(self, digits: str) -> sp.Expr:
        """The symbol for a typed decimal: the same digits give the same symbol."""
        if digits not in self._found:
            value = sp.Rational(digits)
            symbol = TypedNumber(digits, positive=True)  # a literal is unsigned; −1.5 is −(1.5)
            self._found[digits] = Number(symbol, value, digits, digits)
        return self._found[digits].symbol

    @property
    def all(self) -> tuple[Number, ...]:
        return (*self.constants, *self._found.values())


def read_constants(fields: Fields, taken: frozenset[str]) -> tuple[Number, ...]:
    """``constants: {name: value}`` or ``{name: {value, symbol}}``, in the order written."""
    constants = []
    for position, (name, raw) in enumerate(fields.table("constants", required=False).items()):
        where = f"constants.{name}"
        if not _NAME.match(name) or name in taken or name in FUNCTIONS:
            raise CatalogError(fields.path, where, "is not an allowed name (or is taken)")
        if problem := name_problem(name):
            raise CatalogError(fields.path, where, problem)
        if isinstance(raw, Mapping):
            entry = Fields(fields.path, raw, where)
            value = entry.exact("value")
            latex = _symbol(entry) or sp.latex(sp.Symbol(name))
            entry.finish()
        else:
            entry = Fields(fields.path, {"value": raw}, where)
            value = entry.exact("value")
            latex = sp.latex(sp.Symbol(name))
        if value == 0:
            raise CatalogError(fields.path, where, "must not be 0")
        # Named in declaration order, so a product prints as the paper writes it (λα).
        symbol = TypedNumber(f"c{position}_{name}", positive=value > 0, negative=value < 0)
        constants.append(Number(symbol, value, latex, _digits(value), name))
    return tuple(constants)


def read_display(
    fields: Fields,
    names: Mapping[str, sp.Basic],
    identity_names: Mapping[str, sp.Basic] | None,
    constants: tuple[Number, ...],
) -> Display:
    """The formulas as printed; ``names`` are the parameters and variable (``identity_names``
    those of the derivative identity, None for a vector entry, whose identity is not printed)."""
    numbers = Numbers(constants)
    symbols = {**names, **{c.name: c.symbol for c in constants if c.name}}
    expression = _parse(fields, "expression", symbols, FUNCTIONS, numbers)
    given = tuple(key for key in DISPLAY_FIELDS if fields.has(key))
    if given and identity_names is None:
        raise fields.fail(given[0], "is for elementwise and gated entries only")
    definition, derivative = expression, None
    if "display" in given:
        definition = _parse(fields, "display", {**symbols, "t": T}, DISPLAY_FUNCTIONS, numbers)
    else:
        fields.absent("display")
    if "derivative_display" in given:
        where = {**symbols, "t": T}
        derivative = _parse(fields, "derivative_display", where, DISPLAY_FUNCTIONS, numbers)
    else:
        fields.absent("derivative_display")
    identity = None
    if identity_names is not None and fields.has("derivative_identity"):
        where = {**identity_names, **{c.name: c.symbol for c in constants if c.name}}
        identity = _parse(fields, "derivative_identity", where, NAMED_FUNCTIONS, numbers)
    inner: tuple[Inner, ...] = ()
    if fields.has("inner"):
        if identity_names is None:
            raise fields.fail("inner", "is for elementwise and gated entries only")
        if derivative is not None:
            raise fields.fail("inner", "cannot be used with derivative_display (f′ as given)")
        shown = "`display`" if "display" in given else "`expression`"
        inner = _read_inner(fields, symbols, (definition, shown), numbers)
    fields.absent("inner")
    return Display(expression, definition, derivative, identity, numbers.all, given, inner)


def _read_inner(
    fields: Fields,
    symbols: Mapping[str, sp.Basic],
    definition: tuple[sp.Expr, str],
    numbers: Numbers,
) -> tuple[Inner, ...]:
    """``inner: {u: sqrt(2/pi) * (x + 0.044715 * x**3)}``: in the order written, each a
    function of x found in ``definition`` (the formula printed as the definition, and the
    field it is read from), in what the earlier ones left of it."""
    table = Fields(fields.path, fields.table("inner"), "inner")
    variable = symbols["x"]
    found: list[Inner] = []
    source, field = definition
    for name in fields.table("inner"):
        if not _INNER.match(name) or name in _TAKEN or name in symbols or name in FUNCTIONS:
            problem = "must be a single letter that no parameter, constant or function uses"
            raise table.fail(name, f"{problem} (nor x, t, f, E)")
        if name in DISPLAY_FUNCTIONS:
            raise table.fail(name, f"is the named function {name!r}: choose another letter")
        expression = _parse(table, name, symbols, NAMED_FUNCTIONS, numbers)
        if variable not in expression.free_symbols:
            raise table.fail(name, "must be a function of x")
        symbol = InnerSymbol(name, real=True)
        replaced = replace_inner(source, expression, symbol)
        if replaced is None:
            raise table.fail(name, f"does not occur in {field}: write it as it appears there")
        source = replaced
        found.append(Inner(symbol, sp.latex(symbol), expression))
    table.finish()
    return tuple(found)


def replace_inner(source: sp.Expr, inner: sp.Expr, by: sp.Expr) -> sp.Expr | None:
    """``source`` with ``inner`` replaced by ``by``: as a subtree, else as SymPy's ``subs``
    finds it (part of a sum, a power of it); None where it does not occur."""
    replaced: sp.Expr = source.xreplace({inner: by})
    if replaced == source:
        replaced = source.subs(inner, by)
    return replaced if replaced != source and replaced.has(by) else None


def _parse(
    fields: Fields,
    key: str,
    names: Mapping[str, sp.Basic],
    functions: Mapping[str, Callable[..., sp.Basic]],
    numbers: Numbers,
) -> sp.Expr:
    text = fields.formula(key)
    try:
        return parse_expression(text, names, functions=functions, decimals=numbers.literal)
    except ExpressionError as error:
        raise fields.fail(key, f"{error} (in {quoted(text)})") from None


def _symbol(entry: Fields) -> str | None:
    """A constant's LaTeX symbol, from the whitelisted subset."""
    if not entry.has("symbol"):
        entry.absent("symbol")
        return None
    symbol = entry.text("symbol", limit=SYMBOL_CHARACTERS)
    if problem := latex_problem(symbol):
        raise entry.fail("symbol", problem)
    return symbol


def _digits(value: sp.Rational) -> str:
    """An exact terminating value in plain decimal notation (every digit); others as p/q."""
    numerator, denominator = int(value.p), int(value.q)
    places = 0
    while (10**places) % denominator and places < 400:  # terminates: q divides some 10^k
        places += 1
    if denominator > 1 and (10**places) % denominator:
        return f"{numerator}/{denominator}"
    scaled = abs(numerator) * (10**places // denominator)
    whole, fraction = divmod(scaled, 10**places)
    sign = "-" if numerator < 0 else ""
    return f"{sign}{whole}.{fraction:0{places}d}" if places else f"{sign}{whole}"
