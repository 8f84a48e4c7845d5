"""Where a formula fails, in words: ``for x ≤ 0``, ``at x = 0``, ``at x = π/2 ≈ 1.5708 and
other points``; formulas shown as the catalog writes them."""

from __future__ import annotations

import re
from typing import Final

import sympy as sp

# How many members of a periodic failure set (n = 0, ±1, ...) are tried as a witness.
_WITNESS_TRIES: Final = 5

_PI: Final = re.compile(r"\bpi\b")


def show(value: sp.Basic) -> str:
    """A formula as the catalog writes one, π as π."""
    return _PI.sub("π", sp.sstr(value))


def describe(failing: sp.Set) -> str:
    """``for x ≤ 0``, ``at x = 0``, or ``at x = π/2 and other points``."""
    if isinstance(failing, sp.Interval):
        low, high = failing.start, failing.end
        left = "<" if failing.left_open else "≤"
        right = "<" if failing.right_open else "≤"
        if low is -sp.oo and high is sp.oo:
            return "for every x"
        if low is -sp.oo:
            return f"for x {right} {show(high)}"
        if high is sp.oo:
            return f"for x {'>' if failing.left_open else '≥'} {show(low)}"
        return f"for {show(low)} {left} x {right} {show(high)}"
    if isinstance(failing, sp.FiniteSet) and len(failing) == 1:
        return f"at x = {_point(next(iter(failing)))}"
    witness = _witness(failing)
    return "somewhere" if witness is None else f"at x = {_point(witness)} and other points"


def _point(value: sp.Expr) -> str:
    """An exact point, with its decimal value when it is not a plain number."""
    approximate = _approximate(value)
    if value.is_Rational or approximate is None:
        return show(value)
    return f"{show(value)} ≈ {approximate:.6g}"


def _approximate(value: sp.Expr) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError, OverflowError):
        return None


def _witness(failing: sp.Set) -> sp.Expr | None:
    """One real x in ``failing``, the simplest found."""
    candidates: list[sp.Expr] = []
    for part in sp.preorder_traversal(failing):
        if isinstance(part, sp.FiniteSet):
            candidates.extend(part)
        elif isinstance(part, sp.Interval):
            candidates.extend(_interval_points(part))
        elif isinstance(part, sp.ImageSet) and part.base_sets == (sp.Integers,):
            for n in sorted(range(-_WITNESS_TRIES, _WITNESS_TRIES + 1), key=abs):
                candidates.append(part.lamda(n))
    sized = [(_approximate(candidate), candidate) for candidate in candidates]
    real = [(size, candidate) for size, candidate in sized if size is not None]
    for _, candidate in sorted(real, key=lambda pair: (abs(pair[0]), pair[0] < 0)):
        if failing.contains(candidate) is sp.true:
            return candidate
    return None


def _interval_points(interval: sp.Interval) -> list[sp.Expr]:
    low, high = interval.start, interval.end
    if low.is_finite and high.is_finite:
        return [low, high, (low + high) / 2]
    if low.is_finite:
        return [low, low + 1]
    if high.is_finite:
        return [high, high - 1]
    return [sp.Integer(0)]
