"""What f does beyond ±X, proved: monotone towards its limit, or inside a bound.

The search for critical points covers a bounded interval, so the two tails need an argument
of their own. The derivative chain gives one: if f⁽ᵏ⁾ has one sign on [X, ∞), f⁽ᵏ⁻¹⁾ is
strictly monotone there, so it lies between its value at X and its limit, which gives its
sign, and so on down to f′. GELU's left tail: f″ = φ(x)(2 − x²) < 0 and f′ → 0 make f′ < 0,
so f falls from f(−X) towards 0. Where no derivative has a sign (sinc oscillates), a bound on
f itself (|sin x / x| ≤ 1/X) may still show that no extreme lies out there.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction
from typing import Final

import sympy as sp
from flint import arb

from generator.analysis.arb import compile_ball, constant, point, with_sinc_derivatives
from generator.analysis.closedform import exponential_scale
from generator.analysis.critical import sign
from generator.analysis.hull import Hull
from generator.analysis.tailsign import Tail

# The highest derivative whose sign is looked for.
MAX_ORDER: Final = 3


@dataclass(frozen=True)
class TailImage:
    """f on one tail, from x = ±X outwards."""

    start: arb  # f(±X)
    monotone: bool  # strictly monotone from f(±X) towards ``limit``
    limit: sp.Expr | None  # the exact limit of f at ±∞, from SymPy
    bound: Hull  # every value of f on the tail lies in it


def tail_image(
    expression: sp.Expr,
    x: sp.Symbol,
    side: int,
    start: Fraction,
    value_limit: sp.Expr | None,
    slope_limit: sp.Expr | None,
) -> TailImage:
    """f on [start, ∞) (``side`` = 1) or on (−∞, −start] (``side`` = −1)."""
    t = sp.Dummy("t", positive=True)
    mirrored = with_sinc_derivatives(expression.subs(x, side * t))
    # e^(851t/500) in units of t' = 851t/500, so that factor sees e^t' (degree 1).
    scale = exponential_scale(mirrored, t)
    h = mirrored.subs(t, t / scale)
    begin = start * Fraction(int(scale.p), int(scale.q))
    prover = Tail(t, begin)
    at_start = compile_ball(h, t)(point(begin))
    first_limit = None if slope_limit is None else side * slope_limit / scale
    direction = _direction(h, t, prover, first_limit)
    if direction and value_limit is not None:
        return TailImage(at_start, True, value_limit, _between(at_start, value_limit, direction))
    return TailImage(at_start, False, value_limit, prover.hull(h))


def _between(at_start: arb, limit: sp.Expr, direction: int) -> Hull:
    start = Hull.of(at_start)
    if limit.is_infinite:
        far = float("inf") if limit.is_extended_positive else -float("inf")
        return Hull(start.low, far, high_open=True) if direction > 0 else Hull(far, start.high)
    end = Hull.of(constant(limit))
    if direction > 0:
        return Hull(start.low, end.high, high_open=True)
    return Hull(end.low, start.high, low_open=True)


def _direction(h: sp.Expr, t: sp.Symbol, prover: Tail, first_limit: sp.Expr | None) -> int:
    """The sign of h′ on the tail (+1 rising, −1 falling), or 0 when it is not shown."""
    for order in range(1, MAX_ORDER + 1):
        derivative = sp.diff(h, t, order)
        direction = next((s for s in map(prover.sign, _forms(derivative)) if s), 0)
        if direction:
            break
    else:
        return 0
    for lower in range(order - 1, 0, -1):
        derivative = sp.diff(h, t, lower)
        at_start = sign(compile_ball(derivative, t)(point(prover.start)))
        limit = first_limit if lower == 1 and first_limit is not None else _limit(derivative, t)
        direction = _sign_between(at_start, limit, direction)
        if not direction:
            return 0
    return direction


def _forms(expression: sp.Expr) -> Iterator[sp.Expr]:
    """Equivalent forms whose signs are easier to see: factored, and with tanh/σ as exp."""
    yield sp.factor(expression)
    yield expression
    rewritten = expression.rewrite(sp.exp)
    if not rewritten.has(sp.I):
        yield sp.factor(sp.together(rewritten))


def _limit(expression: sp.Expr, t: sp.Symbol) -> sp.Expr | None:
    try:
        value: sp.Expr = sp.limit(expression, t, sp.oo)
    except (NotImplementedError, ValueError, TypeError):
        return None
    if isinstance(value, sp.Limit) or value.has(sp.AccumBounds, sp.nan):
        return None
    return value


def _sign_between(at_start: int, limit: sp.Expr | None, direction: int) -> int:
    """The sign of a strictly monotone function from its value at X and its limit."""
    if direction > 0:  # rising from its value at X towards the limit, never reaching it
        if at_start > 0:
            return 1
        return -1 if limit is not None and limit.is_extended_nonpositive else 0
    if at_start < 0:
        return -1
    return 1 if limit is not None and limit.is_extended_nonnegative else 0
