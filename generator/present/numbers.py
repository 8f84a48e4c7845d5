"""Certified and irrational numbers as page text: only digits that are proved, then "…".

A value known only as an enclosure [low, high] (an Arb certificate) or as a closed form
without a short decimal (−W(1/e)) is printed truncated to the digits its lower and upper
ends share, followed by an ellipsis: −0.169971… says exactly what is known, where
"≈ −0.169971" would leave the reader guessing how far to trust it.
"""

from __future__ import annotations

from decimal import ROUND_DOWN, ROUND_HALF_EVEN, Decimal, localcontext
from typing import Final

import sympy as sp

from generator.records.analysis import Enclosure

WORKING_DIGITS: Final = 60  # decimal digits used to find an exact value's enclosure
TABLE_DIGITS: Final = 6  # significant digits in table cells and ranges
DETAIL_DIGITS: Final = 20  # significant digits where a value is the subject of its row


def enclosure_of(value: sp.Expr) -> Enclosure:
    """A tight enclosure of an exact real constant, from 60-digit evaluation."""
    approximation = sp.N(value, WORKING_DIGITS)
    middle = sp.Rational(str(approximation))
    slack = abs(middle) * sp.Rational(1, 10**50) + sp.Rational(1, 10**55)
    return Enclosure(middle - slack, middle + slack)


def is_short(value: sp.Expr) -> bool:
    """An integer, ±∞ or a fraction with small terms: printed exactly, never truncated."""
    if value in (sp.oo, -sp.oo) or value.is_Integer:
        return True
    return bool(value.is_Rational and abs(value.p) < 10**6 and value.q < 10**6)


def truncated(enclosure: Enclosure, limit: int) -> str:
    """The decimal digits ``low`` and ``high`` share (at most ``limit`` significant), then
    "…"; a single decimal that fits is printed as it is."""
    low, high = enclosure.low, enclosure.high
    if low == high and _fits(low, limit):
        return _plain(low)
    sign = "−" if high < 0 else ""
    digits = min(_shared(enclosure, ROUND_DOWN), limit)
    if digits:
        return f"{sign}{_cut(abs(high), digits)}…"
    # Ends on either side of a round number (0.4999…, 0.5000…): no digit is shared when
    # truncated, but both round to the same decimal, which is then printed as rounded.
    digits = min(_shared(enclosure, ROUND_HALF_EVEN), limit)
    if not digits:
        raise ValueError(f"the enclosure [{low}, {high}] proves no digit")
    return f"{sign}{_cut(abs(high), digits, ROUND_HALF_EVEN)}"


def certified_digits(enclosure: Enclosure) -> int:
    """How many significant digits (at most DETAIL_DIGITS) the enclosure proves: its two
    ends agree on them when truncated towards zero."""
    return max(_shared(enclosure, ROUND_DOWN), _shared(enclosure, ROUND_HALF_EVEN))


def _shared(enclosure: Enclosure, rounding: str) -> int:
    low, high = enclosure.low, enclosure.high
    if low < 0 < high or low == 0 or high == 0:
        return 0
    for digits in range(DETAIL_DIGITS, 0, -1):
        if _cut(abs(low), digits, rounding) == _cut(abs(high), digits, rounding):
            return digits
    return 0


def _cut(value: sp.Rational, digits: int, rounding: str = ROUND_DOWN) -> str:
    """``value`` > 0 truncated (towards zero) or rounded to ``digits`` significant digits."""
    with localcontext() as context:
        context.prec = WORKING_DIGITS + 10
        exact = Decimal(int(value.p)) / Decimal(int(value.q))
        exponent = exact.adjusted() - digits + 1
        cut = exact.quantize(Decimal(1).scaleb(exponent), rounding=rounding)
        text = format(cut, "f")
    return text


def _fits(value: sp.Rational, limit: int) -> bool:
    text = _plain(value).replace("−", "").replace(".", "").lstrip("0")
    return value.q in (1, 2, 4, 5, 8, 10, 16, 20, 25, 50, 100) or len(text) <= limit


def _plain(value: sp.Rational) -> str:
    with localcontext() as context:
        context.prec = WORKING_DIGITS
        text = format(Decimal(int(value.p)) / Decimal(int(value.q)), "f")
    return text.replace("-", "−")


# Closer than this (relative) to a nonzero integer, a value is printed as that integer and
# its offset: SELU's E[f(X)²] with the published constants is 1 + 1.4…×10⁻³², not 1.00000….
NEAR_INTEGER: Final = sp.Rational(1, 10**12)


def latex_digits(enclosure: Enclosure, limit: int) -> str:
    """``truncated`` as LaTeX; a tiny value as ``d.ddd… \\times 10^{-n}``, not a row of 0s;
    a value a hair from an integer n as ``n + d.dd… \\times 10^{-m}``."""
    middle = (enclosure.low + enclosure.high) / 2
    nearest = sp.Integer(round(middle))
    if nearest != 0 and not enclosure.low <= nearest <= enclosure.high:
        offset = Enclosure(enclosure.low - nearest, enclosure.high - nearest)
        if max(abs(offset.low), abs(offset.high)) < NEAR_INTEGER * abs(nearest):
            tiny = latex_digits(offset, limit)
            sign, tiny = ("-", tiny[1:]) if tiny.startswith("-") else ("+", tiny)
            return f"{nearest} {sign} {tiny}"
    largest = max(abs(enclosure.low), abs(enclosure.high))
    if 0 < largest < sp.Rational(1, 10**4) and certified_digits(enclosure):
        exponent = int(sp.floor(sp.log(largest, 10)))
        scale = sp.Integer(10) ** (-exponent)
        mantissa = truncated(Enclosure(enclosure.low * scale, enclosure.high * scale), limit)
        text = f"{mantissa} \\times 10^{{{exponent}}}"
    else:
        text = truncated(enclosure, limit)
    return text.replace("−", "-").replace("…", "\\ldots")
