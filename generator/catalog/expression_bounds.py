"""How large a formula may be and what it may spell: printable ASCII, bounded literals,
powers refused before they are computed, real numbers only. Each check runs before the
arithmetic it guards, so no formula can make the parser hang or print a giant number."""

from __future__ import annotations

import math
import re
import unicodedata
from typing import Final

import sympy as sp

# Exact powers are computed at parse time; 9**9**9 would never finish. No power of x in a
# formula (x**997002999 from ((x**999)**999)**999) may exceed it either: drawing one would
# not finish.
MAX_EXPONENT: Final = 1000
# An exact number met while parsing has at most this many digits (10**1000 has 1001), and a
# power that would make a larger one is refused before it is computed.
MAX_DIGITS: Final = 1000
# An integer literal is at most this large, and any literal has at most MAX_LITERAL_DIGITS
# digits in a row (Python cannot even read an integer of 4,301 digits); the shipped
# formulas' largest integer is 6 and their longest digit run SELU's 16.
MAX_LITERAL: Final = 10**15
MAX_LITERAL_DIGITS: Final = 40
MIN_LITERAL_EXPONENT: Final = -300
_DIGIT_RUN: Final = re.compile(r"[0-9][0-9_]*")


class ExpressionError(ValueError):
    """The formula text is not an allowed expression; the message says why."""


def check_characters(source: str) -> None:
    """Printable ASCII only, and no run of digits longer than MAX_LITERAL_DIGITS.

    Python reads the fullwidth ``ｘ`` and the italic ``𝑥`` as ``x`` (it normalises
    identifiers), so a look-alike would pass silently; a Cyrillic ``х`` would be an unknown
    symbol that looks like x in the message.
    """
    for character in source:
        if not " " <= character <= "~":
            name = unicodedata.name(character, "a control character")
            raise ExpressionError(
                f"character {character!r} (U+{ord(character):04X} {name}) is not allowed: "
                "formulas are ASCII"
            )
    for run in _DIGIT_RUN.finditer(source):
        digits = run.group().replace("_", "")
        if len(digits) > MAX_LITERAL_DIGITS:
            raise ExpressionError(
                f"the number {digits[:12]}… has {len(digits)} digits: a number in a formula "
                f"has at most {MAX_LITERAL_DIGITS}"
            )


def check_powers(result: sp.Basic) -> None:
    """No power in the result has an exponent over MAX_EXPONENT (x**999 * x**999 is x**1998)."""
    for power in result.atoms(sp.Pow):
        exponent = power.exp
        if exponent.is_Number and abs(exponent) > MAX_EXPONENT:
            raise ExpressionError(
                f"makes a power with exponent {short(exponent)}: exponents are at most "
                f"{MAX_EXPONENT}"
            )


def check_real(result: sp.Basic) -> None:
    """The formula is real: no imaginary unit (sqrt(-1), log(-1)), no odd root of a negative
    number (SymPy's (-8)**(1/3) is 2·(-1)**(1/3), not -2)."""
    for node in sp.preorder_traversal(result):
        if node is sp.I:
            raise ExpressionError("is not real: it uses the imaginary unit (such as sqrt(-1))")
        if (
            isinstance(node, sp.Pow)
            and node.base.is_number
            and node.base.is_negative
            and node.exp.is_Rational
            and not node.exp.is_Integer
        ):
            raise ExpressionError(f"is not real: {short(node)} is a root of a negative number")


def check_power(base: sp.Expr, exponent: sp.Expr) -> None:
    """Refuse a power before SymPy computes it: an exponent over MAX_EXPONENT, or an exact
    result of more than MAX_DIGITS digits (|exponent| · log10 of the base's numbers)."""
    if not exponent.is_Number:
        return
    if abs(exponent) > MAX_EXPONENT:
        raise ExpressionError(f"exponent larger than {MAX_EXPONENT}")
    digits = abs(float(exponent)) * max(map(_digits, _numbers_outside_exponents(base)), default=0)
    if digits > MAX_DIGITS:
        raise ExpressionError(
            f"a power would make a number of about {digits:.3g} digits: exact numbers in a "
            f"formula have at most {MAX_DIGITS}"
        )


def _numbers_outside_exponents(base: sp.Basic) -> list[sp.Rational]:
    """The numbers a power of ``base`` raises: x**999 holds 999, but (x**999)**2 is x**1998,
    whose size the exponent check bounds, not the digit count."""
    if isinstance(base, sp.Rational):
        return [base]
    if isinstance(base, sp.Pow):
        return _numbers_outside_exponents(base.base)
    return [number for arg in base.args for number in _numbers_outside_exponents(arg)]


def bounded(value: sp.Basic) -> sp.Basic:
    """Every exact number in ``value`` has at most MAX_DIGITS digits."""
    for number in value.atoms(sp.Rational):
        if _digits(number) > MAX_DIGITS + 1:
            raise ExpressionError(
                f"makes a number of about {_digits(number):.0f} digits: exact numbers in a "
                f"formula have at most {MAX_DIGITS}"
            )
    return value


def _digits(number: sp.Rational) -> float:
    """log10 of the larger of |numerator| and denominator: about its digits, found without
    printing it (Python will not turn an integer of 4,301 digits into text)."""
    largest = max(abs(int(number.p)), int(number.q))
    return math.log10(largest) if largest > 1 else 0.0


def short(value: object) -> str:
    """A number for a message: whole if short, else its first digits and its length."""
    number = int(value) if isinstance(value, (int, sp.Integer)) else None
    if number is not None and abs(number).bit_length() > 128:
        digits = math.log10(abs(number))
        if digits > 4000:  # Python will not print it: say how large it is
            return f"of about {digits:.0f} digits"
        text = str(abs(number))
        return f"{'-' if number < 0 else ''}{text[:12]}… ({len(text)} digits)"
    text = str(value)
    return text if len(text) <= 40 else text[:39] + "…"


def defined(value: sp.Basic) -> sp.Basic:
    """Reject arithmetic that SymPy evaluates to an undefined number (0·∞, 1/0)."""
    if value.has(sp.nan, sp.zoo):
        raise ExpressionError("undefined arithmetic (such as 0·∞ or division by zero)")
    return value
