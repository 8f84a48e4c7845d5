"""From Arb balls to the numbers records hold: exact rational enclosures and short Floats.

A ball's ends are exact but long binary fractions. An :class:`Extreme` keeps them rounded
outwards to a decimal grid, which is still a proof, and a midpoint Float to show. Both the
certified engine (:mod:`extrema`) and SymPy's exact images (:mod:`certify`) record their
extremes this way.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Final

import sympy as sp
from flint import arb

from generator.analysis.arb import rational
from generator.records.analysis import Enclosure, Extreme, Method

# Significant digits of a certified value or position (a Float at the box's midpoint).
DIGITS: Final = 30
# Enclosures are rounded outwards to multiples of 10⁻⁴⁰: exact, short and still tight.
GRID: Final = 10**40


def midpoint(ball: arb) -> sp.Float:
    """The ball's midpoint to :data:`DIGITS` significant digits."""
    middle = rational(ball.mid(), upward=False)
    return sp.Float(sp.Rational(middle.numerator, middle.denominator), DIGITS)


def enclosure(ball: arb) -> Enclosure:
    """The ball's ends rounded outwards to the 10⁻⁴⁰ grid: still a proof, and readable."""
    low, high = rational(ball, upward=False), rational(ball, upward=True)
    down = Fraction((low * GRID).__floor__(), GRID)
    up = Fraction((high * GRID).__ceil__(), GRID)
    return Enclosure(
        sp.Rational(down.numerator, down.denominator), sp.Rational(up.numerator, up.denominator)
    )


def extreme(
    kind: str,
    value: sp.Expr,
    at: sp.Expr,
    balls: tuple[arb, arb],
    methods: tuple[Method, Method],
) -> Extreme:
    """An extreme whose value and position lie in ``balls`` and were found by ``methods``
    (the value's first in both)."""
    value_ball, at_ball = balls
    value_method, at_method = methods
    return Extreme(
        kind, value, at, enclosure(value_ball), enclosure(at_ball), value_method, at_method
    )
