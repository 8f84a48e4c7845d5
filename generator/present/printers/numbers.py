"""Numbers as readers write them: which rational is a fraction, which a decimal, and what
a number with more digits than anyone typed is shown as.

The analysis keeps every number exact, so a product of two 32-digit constants is a 64-digit
fraction and 0.01 is 1/100. Printing them as SymPy does gives
``2101401974710961/2000000000000000``; printing every one as a float gives 17 digits of which
the last few are noise. The rules here: small fractions stay fractions (1/2, 3/8, 11/48);
decimals stay decimals (0.01, −0.4472, every typed digit of a constant); anything longer is
cut to a stated number of significant digits and marked as such (1.7580…), or, where the
entry names its constants, written in them (−λα ≈ −1.7581).
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Mapping
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, Decimal, localcontext
from typing import Final

import sympy as sp

# A fraction is shown as one while its numerator and denominator stay below this (11/48);
# beyond it a reader cannot tell its size at a glance.
FRACTION_LIMIT: Final = 1000
# Rationals in a formula with a denominator up to this are fractions (x/2, 3/8); larger
# terminating ones are the decimals they were typed as.
FORMULA_DENOMINATORS: Final = 100
# A value with more significant digits than any the catalog types (a product of typed
# decimals, a non-terminating fraction) is cut to this many.
SHOWN_DIGITS: Final = 5
# Typed decimals have at most this many significant digits unless the catalog names them.
LONGEST_DECIMAL: Final = 17
# Exponents tried when a value is matched to the entry's named numbers (λα, 2·1.7159/3).
_POWERS: Final = (-1, 0, 1, 2)


def terminates(denominator: int) -> bool:
    """Whether 1/denominator has a finite decimal expansion."""
    for factor in (2, 5):
        while denominator % factor == 0:
            denominator //= factor
    return denominator == 1


def exact_decimal(value: sp.Rational) -> str | None:
    """The decimal digits of a terminating rational, all of them; None if it does not end."""
    numerator, denominator = int(value.p), int(value.q)
    if not terminates(denominator):
        return None
    places = 0
    while (10**places) % denominator:
        places += 1
    scaled = abs(numerator) * (10**places // denominator)
    whole, fraction = divmod(scaled, 10**places)
    sign = "-" if numerator < 0 else ""
    return f"{sign}{whole}.{fraction:0{places}d}" if places else f"{sign}{whole}"


def significant_digits(text: str) -> int:
    """How many significant digits a plain decimal has: 0.0016 has 2, 1.7159 has 5."""
    digits = text.lstrip("-+").replace(".", "").lstrip("0")
    return len(digits) or 1


def cut(value: sp.Expr, digits: int = SHOWN_DIGITS, *, rounding: str = ROUND_DOWN) -> str:
    """``value`` to ``digits`` significant digits: truncated by default (1.7580 for
    1.75809…, correct before an ellipsis), or rounded (1.7581, correct after ≈)."""
    with localcontext() as context:
        context.prec = digits
        context.rounding = rounding
        number = +Decimal(str(sp.N(value, digits + 20)))
    text = format(number, "f")
    return "0" if number == 0 else text


def rounded(value: sp.Expr, digits: int = SHOWN_DIGITS) -> str:
    """``value`` rounded to ``digits`` significant digits, for a statement ``… ≈ 1.7581``."""
    return cut(value, digits, rounding=ROUND_HALF_EVEN)


def value_text(value: sp.Rational) -> str | None:
    """How a single exact value is shown, or None where SymPy's own fraction is right.

    Integers and small fractions: None (SymPy prints 3, \\frac{11}{48}). Terminating
    decimals with a power of ten below them or a denominator over 100: their digits (0.01,
    −0.4472), up to the longest a catalog types. Anything else: five significant digits
    and an ellipsis (1.0507…), never a 60-digit fraction.
    """
    if value.is_Integer:
        return None
    numerator, denominator = abs(int(value.p)), int(value.q)
    decimal = exact_decimal(value)
    typed_like = _power_of_ten(denominator) or denominator > FORMULA_DENOMINATORS
    if decimal is not None and significant_digits(decimal) <= LONGEST_DECIMAL and typed_like:
        return decimal
    if numerator < FRACTION_LIMIT and denominator < FRACTION_LIMIT:
        return None
    if decimal is not None and significant_digits(decimal) <= SHOWN_DIGITS:
        return decimal
    return cut(value) + "\\ldots"


def formula_text(value: sp.Rational) -> str | None:
    """How a rational inside a formula is shown, or None for SymPy's fraction (x/2)."""
    if value.is_Integer or int(value.q) <= FORMULA_DENOMINATORS:
        return None
    decimal = exact_decimal(value)
    if decimal is not None:
        return decimal
    if abs(int(value.p)) < FRACTION_LIMIT and int(value.q) < FRACTION_LIMIT:
        return None
    return cut(value) + "\\ldots"


def in_named_numbers(value: sp.Rational, numbers: Mapping[sp.Symbol, sp.Rational]) -> sp.Expr:
    """``value`` as k·∏cᵢ^eᵢ over the entry's named numbers with k a small fraction, if it is
    one exactly (SELU's limit −λα, LeCun's f′(0) = 2·1.7159/3); else ``value`` itself.

    Exact: the analysis computed the value from the same digits the numbers hold, so a
    product of them is recognised by rational equality, never by closeness.
    """
    shown = value_text(value)
    if value.is_Integer or not numbers or shown is None or not shown.endswith("\\ldots"):
        return value  # shown exactly already (1.7159, 11/48): nothing to name
    symbols = list(numbers)
    best: tuple[int, sp.Expr] | None = None
    for powers in itertools.product(_POWERS, repeat=len(symbols)):
        if not any(powers):
            continue
        product = sp.Integer(1)
        for symbol, power in zip(symbols, powers, strict=True):
            product *= numbers[symbol] ** power
        factor = value / product
        if not (factor.is_Rational and max(abs(factor.p), factor.q) < FRACTION_LIMIT):
            continue
        cost = sum(abs(power) for power in powers) + len(str(factor))
        if best is None or cost < best[0]:
            form = factor * sp.Mul(*(s**p for s, p in zip(symbols, powers, strict=True)))
            best = (cost, form)
    return value if best is None else best[1]


def _power_of_ten(denominator: int) -> bool:
    return denominator > 1 and str(denominator).rstrip("0") == "1"


@functools.lru_cache(maxsize=4096)
def simplified_value(value: sp.Expr) -> sp.Expr:
    """A computed value in its simplest exact form: tanh(log 2) is 3/5.

    The analysis reports what SymPy's limit or substitution returned, which can be a closed
    form of a plain fraction; written in exponentials and simplified it shows itself. The
    original stays where the rewrite is no shorter (tanh(1), erf(log 2)). Remembered, as
    ``sympy.simplify`` is slow and each edition prints the same values.
    """
    if not isinstance(value, sp.Expr) or not value.is_number or value.is_Rational:
        return value
    if value.has(sp.oo, -sp.oo, sp.zoo, sp.nan):
        return value
    try:
        candidate = sp.simplify(value.rewrite(sp.exp))
    except (NotImplementedError, TypeError, ValueError):
        return value
    simpler: sp.Expr = candidate
    if simpler.is_Rational or sp.count_ops(simpler) < sp.count_ops(value):
        return simpler
    return value
