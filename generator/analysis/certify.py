"""The range of a whole activation: the union of its branches' images, and its extremes.

Which method answers is decided by the formula, never by how long SymPy takes: a branch
without transcendental functions (polynomial, rational, algebraic), or a periodic one, goes
to SymPy's ``function_range``, which is quick and exact there; every other branch goes to
the certified engine (:mod:`extrema`). Before either, one structural argument: a continuous
f that is unbounded both ways takes every real value (snake x + sin²x, GCU x·cos x).
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy as sp

from generator.analysis.arb import constant, precision
from generator.analysis.calculus import image
from generator.analysis.candidates import Bound
from generator.analysis.enclosures import extreme
from generator.analysis.extrema import BranchImage, branch_image
from generator.records.analysis import Extreme, Kink, Method, Piece, Tail


@dataclass(frozen=True)
class CertifiedRange:
    """The range, and the interior critical points where its finite ends are attained."""

    range: sp.Set
    extremes: tuple[Extreme, ...]


def certified_range(
    pieces: tuple[Piece, ...],
    x: sp.Symbol,
    left: Tail,
    right: Tail,
    kinks: tuple[Kink, ...] | None,
) -> CertifiedRange:
    if any(_transcendental(piece, x) for piece in pieces) and _unbounded_both_ways(
        left, right, kinks
    ):
        return CertifiedRange(sp.Interval(-sp.oo, sp.oo), ())
    images = [_image(piece, x, pieces, left, right) for piece in pieces]
    result: sp.Set = sp.S.EmptySet
    for branch in images:
        result = sp.Union(result, branch.as_set)
    return CertifiedRange(result, _extremes(images, result))


def _transcendental(piece: Piece, x: sp.Symbol) -> bool:
    """Any function application at all: exp, tanh, erf, sin ... (pieces hold no Abs/Max)."""
    return bool(piece.expression.atoms(sp.Function))


def _periodic(piece: Piece, x: sp.Symbol) -> bool:
    if not piece.expression.has(sp.sin, sp.cos, sp.tan):
        return False
    return sp.periodicity(piece.expression, x) is not None


def _unbounded_both_ways(left: Tail, right: Tail, kinks: tuple[Kink, ...] | None) -> bool:
    """Continuous (no jump among the kinks) and tending to, or oscillating out to, ±∞."""
    if kinks is None or any(not kink.continuous for kink in kinks):
        return False
    lows, highs = set(), set()
    for tail in (left, right):
        if tail.value_limit is not None:
            lows.add(tail.value_limit == -sp.oo)
            highs.add(tail.value_limit == sp.oo)
        if tail.value_bounds is not None:
            lows.add(tail.value_bounds[0] == -sp.oo)
            highs.add(tail.value_bounds[1] == sp.oo)
    return True in lows and True in highs


def _image(
    piece: Piece, x: sp.Symbol, pieces: tuple[Piece, ...], left: Tail, right: Tail
) -> BranchImage:
    if (
        isinstance(piece.domain, sp.FiniteSet)
        or not _transcendental(piece, x)
        or _periodic(piece, x)
    ):
        return _sympy_image(piece, x)
    outer_left = left if piece is pieces[0] and piece.domain.inf == -sp.oo else None
    outer_right = right if piece is pieces[-1] and piece.domain.sup == sp.oo else None
    return branch_image(piece, x, outer_left, outer_right)


def _sympy_image(piece: Piece, x: sp.Symbol) -> BranchImage:
    """SymPy's exact image, with its interior extremes found by solveset."""
    found = image(piece.expression, x, piece.domain)
    critical: tuple[sp.Expr, ...] = ()
    if isinstance(piece.domain, sp.Interval) and x in piece.expression.free_symbols:
        points = sp.solveset(sp.diff(piece.expression, x), x, piece.domain.interior)
        if isinstance(points, sp.FiniteSet):
            critical = tuple(points)
    with precision():
        low = _sympy_bound(piece, x, found, found.inf, critical, "minimum")
        high = _sympy_bound(piece, x, found, found.sup, critical, "maximum")
    return _SetImage(low, high, found)


def _sympy_bound(
    piece: Piece,
    x: sp.Symbol,
    found: sp.Set,
    end: sp.Expr,
    critical: tuple[sp.Expr, ...],
    kind: str,
) -> Bound:
    if end.is_infinite:
        return Bound(end, None, True, False, ())
    ball = constant(end)
    extremes = []
    for at in critical:
        value = sp.simplify(piece.expression.subs(x, at))
        if sp.simplify(value - end) == 0:
            balls = (ball, constant(at))
            extremes.append(extreme(kind, value, at, balls, (Method.EXACT, Method.EXACT)))
    attained = found.contains(end) == sp.true
    return Bound(end, ball, True, attained, tuple(extremes))


@dataclass(frozen=True)
class _SetImage(BranchImage):
    """SymPy's own set, kept as it is (a union or a point) rather than rebuilt."""

    found: sp.Set = sp.S.EmptySet

    @property
    def as_set(self) -> sp.Set:
        return self.found


def _extremes(images: list[BranchImage], total: sp.Set) -> tuple[Extreme, ...]:
    """The branch extremes whose value is an end of the whole range."""
    result: list[Extreme] = []
    for bound, end in [(b.low, total.inf) for b in images] + [(b.high, total.sup) for b in images]:
        if not bound.extremes or end.is_infinite:
            continue
        if _same_end(bound, end):
            result.extend(bound.extremes)
    return tuple(result)


def _same_end(bound: Bound, end: sp.Expr) -> bool:
    """A certified end is the very Float the union kept; an exact one is equal to it."""
    if bound.value == end:
        return True
    return bound.exact and bool(sp.simplify(bound.value - end) == 0)
