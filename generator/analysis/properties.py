"""Properties of an elementwise activation, computed from its branches at default parameters.

Each property is answered independently and any :class:`UndeterminedError` on the way becomes
``None`` — "not determined" on the page — rather than a guess. Which method answers is fixed
by the formula alone, so the answers never depend on how busy the machine is.
"""

from __future__ import annotations

from typing import Final

import sympy as sp

from generator.analysis.budget import attempt
from generator.analysis.calculus import (
    equal,
    image,
    is_analytic_on,
    is_zero,
    one_sided_limit,
    samples,
    value_at,
)
from generator.analysis.certify import certified_range
from generator.analysis.pieces import (
    UndeterminedError,
    boundaries,
    left_of,
    piece_at,
    right_of,
)
from generator.analysis.tails import self_gated, tail
from generator.records.analysis import (
    Kink,
    Monotonicity,
    Piece,
    Properties,
    Smoothness,
)
from generator.records.catalog import KinkConvention

# How many derivatives are compared at a branch boundary before settling for "at least".
MAX_ORDER: Final = 3
# Exact points where signs are probed: a value of each sign proves a claim outright.
WITNESSES: Final = tuple(
    sign * sp.Rational(k, 4) for k in (1, 2, 3, 4, 5, 6, 8, 10, 14, 20) for sign in (-1, 1)
)


def compute_properties(
    pieces: tuple[Piece, ...],
    x: sp.Symbol,
    conventions: tuple[KinkConvention, ...],
) -> Properties:
    """All properties of the function made of ``pieces``."""
    kinks = attempt(lambda: _kinks(pieces, x, conventions))
    left, right = tail(pieces[0], x, -sp.oo), tail(pieces[-1], x, sp.oo)
    certified = attempt(lambda: certified_range(pieces, x, left, right, kinks))
    value_range = certified.range if certified is not None else None
    value_at_zero = attempt(lambda: _value_at(pieces, x, sp.Integer(0)))
    derivative_at_zero = attempt(lambda: _derivative_at_zero(pieces, x, kinks))
    return Properties(
        value_at_zero=value_at_zero,
        derivative_at_zero=derivative_at_zero,
        range=value_range,
        extremes=certified.extremes if certified is not None else (),
        # Exact witnesses of both slopes first: instant where they exist, and SymPy's range
        # of f′ (slow on GELU-tanh) is then only asked of monotone functions.
        monotonicity=attempt(lambda: _not_monotonic_by_witness(pieces, x))
        or attempt(lambda: _monotonicity(pieces, x)),
        odd=attempt(lambda: _odd(pieces, x)),
        zero_centred=_zero_centred(value_at_zero, value_range, pieces, x),
        smoothness=attempt(lambda: _smoothness(pieces, x)),
        kinks=kinks,
        left=left,
        right=right,
        identity_near_zero=_identity_near_zero(value_at_zero, derivative_at_zero, kinks),
        self_gated=attempt(lambda: self_gated(pieces, x)),
    )


def _value_at(pieces: tuple[Piece, ...], x: sp.Symbol, point: sp.Expr) -> sp.Expr:
    return value_at(piece_at(pieces, point).expression, x, point)


def _kinks(
    pieces: tuple[Piece, ...], x: sp.Symbol, conventions: tuple[KinkConvention, ...]
) -> tuple[Kink, ...]:
    """Boundaries where f jumps or its one-sided derivatives differ, plus inner singularities."""
    kinks = []
    for point in boundaries(pieces):
        continuous = _continuous_at(pieces, x, point)
        left = one_sided_limit(sp.diff(left_of(pieces, point).expression, x), x, point, "-")
        right = one_sided_limit(sp.diff(right_of(pieces, point).expression, x), x, point, "+")
        same = equal(left, right)
        if same is None:
            raise UndeterminedError(f"one-sided derivatives at {point}")
        if not continuous or not same:
            convention = next((c for c in conventions if equal(c.at, point)), None)
            kinks.append(Kink(point, continuous, left, right, convention))
    # An analytic branch has an analytic derivative: no kink inside it.
    for piece in pieces:
        if not isinstance(piece.domain, sp.FiniteSet) and not is_analytic_on(
            piece.expression, x, piece.domain
        ):
            raise UndeterminedError("a branch is not shown to be analytic")
    return tuple(kinks)


def _continuous_at(pieces: tuple[Piece, ...], x: sp.Symbol, point: sp.Expr) -> bool:
    value = _value_at(pieces, x, point)
    left = one_sided_limit(left_of(pieces, point).expression, x, point, "-")
    right = one_sided_limit(right_of(pieces, point).expression, x, point, "+")
    answers = (equal(left, value), equal(right, value))
    if None in answers:
        raise UndeterminedError(f"continuity at {point}")
    return all(answers)


def _smoothness(pieces: tuple[Piece, ...], x: sp.Symbol) -> Smoothness:
    """The largest k with f in C^k: derivatives compared across every boundary."""
    for piece in pieces:
        if not isinstance(piece.domain, sp.FiniteSet) and not is_analytic_on(
            piece.expression, x, piece.domain
        ):
            raise UndeterminedError("a branch is not shown to be analytic")
    points = boundaries(pieces)
    if not points:
        return Smoothness(order=0, infinite=True)
    for order in range(MAX_ORDER + 1):
        for point in points:
            if order == 0:
                if not _continuous_at(pieces, x, point):
                    return Smoothness(order=-1)
                continue
            left = one_sided_limit(
                sp.diff(left_of(pieces, point).expression, x, order), x, point, "-"
            )
            right = one_sided_limit(
                sp.diff(right_of(pieces, point).expression, x, order), x, point, "+"
            )
            same = equal(left, right)
            if same is None:
                raise UndeterminedError(f"derivative {order} at {point}")
            if not same:
                return Smoothness(order=order - 1)
    return Smoothness(order=MAX_ORDER, at_least=True)


def _monotonicity(pieces: tuple[Piece, ...], x: sp.Symbol) -> Monotonicity:
    """From the sign of f′ on every branch, and the direction of every jump."""
    slopes: sp.Set = sp.S.EmptySet
    flat_branch = False
    for piece in pieces:
        if isinstance(piece.domain, sp.FiniteSet):
            continue
        derivative = sp.simplify(sp.diff(piece.expression, x))
        flat_branch |= derivative == 0
        slopes = sp.Union(slopes, image(derivative, x, piece.domain.interior))
    rises = slopes.sup > 0
    falls = slopes.inf < 0
    if (rises is not sp.true and rises is not sp.false) or falls not in (sp.true, sp.false):
        raise UndeterminedError("sign of the derivative")
    jumps = [_jump(pieces, x, point) for point in boundaries(pieces)]
    if rises == sp.true and falls == sp.true:
        return Monotonicity.NOT_MONOTONIC
    if falls == sp.false and all(jump >= 0 for jump in jumps):
        return Monotonicity.NON_DECREASING if flat_branch else Monotonicity.STRICTLY_INCREASING
    if rises == sp.false and all(jump <= 0 for jump in jumps):
        return Monotonicity.NON_INCREASING if flat_branch else Monotonicity.STRICTLY_DECREASING
    return Monotonicity.NOT_MONOTONIC


def _not_monotonic_by_witness(pieces: tuple[Piece, ...], x: sp.Symbol) -> Monotonicity:
    """f′ > 0 at one exact point and < 0 at another proves "not monotonic"."""
    signs = set()
    for point in WITNESSES:
        piece = piece_at(pieces, point)
        if isinstance(piece.domain, sp.FiniteSet) or point in (piece.domain.inf, piece.domain.sup):
            continue
        slope = sp.N(sp.diff(piece.expression, x).subs(x, point), 30)
        if slope.is_positive:
            signs.add(1)
        elif slope.is_negative:
            signs.add(-1)
    if signs == {-1, 1}:
        return Monotonicity.NOT_MONOTONIC
    raise UndeterminedError("no witnesses of both slopes")


def _jump(pieces: tuple[Piece, ...], x: sp.Symbol, point: sp.Expr) -> int:
    """Sign of the jump at ``point``: +1 up, −1 down, 0 none; mixed jumps count as both."""
    value = _value_at(pieces, x, point)
    left = one_sided_limit(left_of(pieces, point).expression, x, point, "-")
    right = one_sided_limit(right_of(pieces, point).expression, x, point, "+")
    up = bool(left <= value) and bool(value <= right)
    down = bool(left >= value) and bool(value >= right)
    if up and down:
        return 0
    if up:
        return 1
    if down:
        return -1
    raise UndeterminedError(f"jump at {point} is neither up nor down")


def _odd(pieces: tuple[Piece, ...], x: sp.Symbol) -> bool:
    """f(−x) = −f(x): each branch against every branch that covers the mirrored inputs."""
    for piece in pieces:
        for other in pieces:
            mirrored = sp.imageset(sp.Lambda(x, -x), other.domain)
            overlap = sp.Intersection(piece.domain, mirrored)
            if overlap is sp.S.EmptySet:
                continue
            difference = piece.expression + other.expression.subs(x, -x)
            answer: bool | None
            if isinstance(overlap, sp.FiniteSet):  # a single shared point: just evaluate
                answer = all(is_zero(difference.subs(x, point)) for point in overlap)
            else:
                answer = is_zero(difference, probes=samples(overlap))
            if answer is None:
                raise UndeterminedError("oddness")
            if not answer:
                return False
    return True


def _zero_centred(
    value_at_zero: sp.Expr | None,
    value_range: sp.Set | None,
    pieces: tuple[Piece, ...],
    x: sp.Symbol,
) -> bool | None:
    """f(0) = 0 and f takes both signs — outputs can average out around zero."""
    if value_at_zero is None:
        return None
    if value_at_zero != 0:
        return False
    if value_range is None:
        # Without the range, exact values of both signs still prove "yes".
        signs = {_sign_at(pieces, x, point) for point in WITNESSES}
        return True if {-1, 1} <= signs else None
    negative = sp.Intersection(value_range, sp.Interval.open(-sp.oo, 0)) is not sp.S.EmptySet
    positive = sp.Intersection(value_range, sp.Interval.open(0, sp.oo)) is not sp.S.EmptySet
    return negative and positive


def _sign_at(pieces: tuple[Piece, ...], x: sp.Symbol, point: sp.Expr) -> int:
    """The exact sign of f(point): SymPy evaluates to enough digits to be sure, or 0."""
    value = sp.N(piece_at(pieces, point).expression.subs(x, point), 30)
    if value.is_positive:
        return 1
    if value.is_negative:
        return -1
    return 0


def _derivative_at_zero(
    pieces: tuple[Piece, ...], x: sp.Symbol, kinks: tuple[Kink, ...] | None
) -> sp.Expr:
    if kinks is None:
        raise UndeterminedError("kinks unknown")
    zero = sp.Integer(0)
    if any(kink.at == zero for kink in kinks):
        raise UndeterminedError("not differentiable at 0")
    if zero in boundaries(pieces):
        return one_sided_limit(sp.diff(right_of(pieces, zero).expression, x), x, zero, "+")
    return value_at(sp.diff(piece_at(pieces, zero).expression, x), x, zero)


def _identity_near_zero(
    value_at_zero: sp.Expr | None,
    derivative_at_zero: sp.Expr | None,
    kinks: tuple[Kink, ...] | None,
) -> bool | None:
    """f(0) = 0 and f′(0) = 1: the unit behaves like the identity for small inputs."""
    if kinks is not None and any(kink.at == 0 for kink in kinks):
        return False
    if value_at_zero is None or derivative_at_zero is None:
        return None
    return bool(value_at_zero == 0 and derivative_at_zero == 1)
