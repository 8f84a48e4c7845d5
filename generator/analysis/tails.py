"""How an activation behaves far out: the limits of f and f′, saturation, self-gating."""

from __future__ import annotations

import sympy as sp

from generator.analysis.budget import attempt
from generator.analysis.pieces import UndeterminedError
from generator.records.analysis import Piece, Saturation, Tail


def tail(piece: Piece, x: sp.Symbol, end: sp.Expr) -> Tail:
    """The limits of f and f′ at ``end`` (±∞) and how f′ settles there."""
    derivative = sp.diff(piece.expression, x)
    value, bounds = attempt(lambda: _limit_or_bounds(piece.expression, x, end)) or (None, None)
    if derivative == 0:
        return Tail(value, sp.Integer(0), Saturation.HARD, bounds)
    slope, swings = attempt(lambda: _limit_or_bounds(derivative, x, end)) or (None, None)
    if swings is not None:
        return Tail(value, None, Saturation.NONE, bounds)  # no limit at all, so certainly not 0
    if slope is None:
        return Tail(value, None, None, bounds)
    return Tail(value, slope, Saturation.SOFT if slope == 0 else Saturation.NONE, bounds)


Bounds = tuple[sp.Expr, sp.Expr]


def _limit_or_bounds(
    expression: sp.Expr, x: sp.Symbol, end: sp.Expr
) -> tuple[sp.Expr | None, Bounds | None]:
    """The limit at ``end``, or (None, the bounds it keeps swinging between); one SymPy
    limit for both questions."""
    value = sp.limit(expression, x, end)
    bounds = _accumulation(value)
    if bounds is not None:
        return None, bounds
    if isinstance(value, sp.Limit) or value.has(sp.AccumBounds, sp.nan):
        raise UndeterminedError(f"limit at {end}")
    return value, None


def _accumulation(value: sp.Expr) -> Bounds | None:
    """SymPy answers a limit with bounds <a, b>, a < b, when the function keeps oscillating,
    or with such bounds scaled by a growing factor (x·cos x: oo·sign(<−1, 1>)), which then
    sweeps out every real number: (−∞, ∞)."""
    if isinstance(value, sp.AccumBounds):
        return (value.min, value.max) if bool(value.min < value.max) else None
    bounds = value.atoms(sp.AccumBounds)
    if any(b.min < 0 < b.max for b in bounds) and value.has(sp.oo, -sp.oo):
        return (-sp.oo, sp.oo)
    return None


def _limit(expression: sp.Expr, x: sp.Symbol, end: sp.Expr) -> sp.Expr:
    value, _ = _limit_or_bounds(expression, x, end)
    if value is None:
        raise UndeterminedError(f"no limit at {end}: it oscillates")
    return value


def self_gated(pieces: tuple[Piece, ...], x: sp.Symbol) -> bool:
    """f = x·g(x), one smooth formula, with f(0) = 0, f → 0 at −∞ and g → c > 0 at +∞.

    SiLU x·σ(x), GELU x·Φ(x) and Mish are. ReLU is gated by a hard step (a branch), softplus
    has f(0) ≠ 0, and an oscillating f (x·cos x) has no limit at −∞: none of those is.
    """
    f = pieces[0].expression
    if len(pieces) > 1 or f.has(sp.Max, sp.Min, sp.Abs, sp.Heaviside, sp.sign):
        return False
    if f.subs(x, 0) != 0:
        return False
    low, swings = _limit_or_bounds(f, x, -sp.oo)
    if swings is not None:
        return False
    opened = _limit(f / x, x, sp.oo)
    return bool(low == 0 and opened.is_positive and opened.is_finite)
