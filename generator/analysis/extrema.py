"""The image of one smooth branch, each end exact or certified: the extremum engine.

The image of a continuous f on an interval is an interval, and its ends are among: the
values at interior critical points, the values (or one-sided limits) at the branch's finite
ends, and the limits at ±∞. :mod:`critical` boxes every critical point on [−X, X];
:mod:`tailrange` proves what happens beyond ±X; this module gathers the candidates, which
:mod:`candidates` orders with Arb, and reports the two ends. X comes from a fixed ladder,
never from a clock: a tail that cannot be settled at X = 8 is tried again at 16 and 32, and
then the range is undetermined.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Final

import sympy as sp
from flint import arb

from generator.analysis.arb import compile_ball, constant, point, precision, with_sinc_derivatives
from generator.analysis.calculus import is_zero, one_sided_limit, value_at
from generator.analysis.candidates import Bound, Candidate, exact_candidate, select
from generator.analysis.closedform import candidate_roots, lambert_simplify
from generator.analysis.critical import Root, roots
from generator.analysis.enclosures import extreme, midpoint
from generator.analysis.pieces import UndeterminedError
from generator.analysis.tailrange import TailImage, tail_image
from generator.records.analysis import Method, Piece, Tail

# Where the bounded search ends and the tail proofs begin, tried in this order.
LADDER: Final = (Fraction(8), Fraction(16), Fraction(32))


@dataclass(frozen=True)
class BranchImage:
    """The image of one branch, by its two ends."""

    low: Bound
    high: Bound

    @property
    def as_set(self) -> sp.Set:
        if self.low.exact and self.high.exact and self.low.value == self.high.value:
            return sp.FiniteSet(self.low.value)
        return sp.Interval(
            self.low.value, self.high.value, not self.low.attained, not self.high.attained
        )


class _UnsettledError(Exception):
    """This X is too small for the tail bounds: the next rung of the ladder may do."""


def branch_image(piece: Piece, x: sp.Symbol, left: Tail | None, right: Tail | None) -> BranchImage:
    """The image of ``piece`` (a smooth formula on an interval); ``left``/``right`` give
    the exact limits at −∞/+∞ where the interval reaches them."""
    domain = piece.domain
    if not isinstance(domain, sp.Interval):
        raise UndeterminedError("a branch is not an interval")
    with precision():
        engine = _Engine(piece.expression, x, domain, left, right)
        for start in LADDER:
            if not engine.fits(start):
                continue
            try:
                return engine.image(start)
            except _UnsettledError:
                continue
    raise UndeterminedError("the tails could not be bounded")


class _Engine:
    def __init__(
        self,
        expression: sp.Expr,
        x: sp.Symbol,
        domain: sp.Interval,
        left: Tail | None,
        right: Tail | None,
    ) -> None:
        self.expression, self.x, self.domain = expression, x, domain
        self.left, self.right = left, right
        evaluable = with_sinc_derivatives(expression)
        self.f = compile_ball(evaluable, x)
        self.slope = compile_ball(sp.diff(evaluable, x), x)
        self.curvature = compile_ball(sp.diff(evaluable, x, 2), x)
        self.known = self._known_roots()
        self.closed_forms = candidate_roots(expression, x)
        self._even: bool | None = None

    def fits(self, start: Fraction) -> bool:
        """The bounded search must reach past every finite end of the branch."""
        ends = [self.domain.inf, self.domain.sup]
        return all(not end.is_finite or abs(_fraction(end)) < start for end in ends)

    def _known_roots(self) -> frozenset[Fraction]:
        """f′(0) = 0 exactly (LiSHT, the Gaussian, sinc): a root the boxes cannot pin."""
        zero = sp.Integer(0)
        if self.domain.contains(zero) != sp.true or zero in (
            self.domain.inf,
            self.domain.sup,
        ):
            return frozenset()
        try:
            slope_at_zero = value_at(sp.diff(self.expression, self.x), self.x, zero)
        except UndeterminedError:
            return frozenset()
        return frozenset({Fraction(0)}) if slope_at_zero == 0 else frozenset()

    def image(self, start: Fraction) -> BranchImage:
        low, high = self.domain.inf, self.domain.sup
        core_low = -start if low == -sp.oo else _fraction(low)
        core_high = start if high == sp.oo else _fraction(high)
        candidates: list[Candidate] = []
        tails: list[TailImage] = []
        for end, tail, side in ((low, self.left, -1), (high, self.right, 1)):
            if end.is_infinite:
                image = self._tail(tail, side, start)
                tails.append(image)
                candidates.extend(self._tail_candidates(image))
            else:
                candidates.append(self._end_candidate(end, side))
        for root in roots(self.slope, self.curvature, core_low, core_high, self.known):
            candidates.append(self._critical(root))
        lowest = select(candidates, -1, self._tied)
        highest = select(candidates, 1, self._tied)
        for image in tails:
            if not (image.monotone or self._inside(image, lowest, highest)):
                raise _UnsettledError
        return BranchImage(lowest, highest)

    def _tail(self, tail: Tail | None, side: int, start: Fraction) -> TailImage:
        value_limit = tail.value_limit if tail is not None else None
        slope_limit = tail.derivative_limit if tail is not None else None
        return tail_image(self.expression, self.x, side, start, value_limit, slope_limit)

    def _tail_candidates(self, image: TailImage) -> list[Candidate]:
        found = [Candidate(sp.Float(0), image.start, False, True, inner=True)]
        if image.limit is not None:
            found.append(exact_candidate(image.limit, attained=False))
        elif not image.bound.bounded:
            raise _UnsettledError
        return found

    def _end_candidate(self, end: sp.Expr, side: int) -> Candidate:
        """The value at a closed finite end, or the one-sided limit at an open one."""
        closed = self.domain.contains(end) == sp.true
        if closed:
            value = value_at(self.expression, self.x, end)
        else:
            value = one_sided_limit(self.expression, self.x, end, "+" if side < 0 else "-")
        return exact_candidate(value, attained=closed)

    def _critical(self, root: Root) -> Candidate:
        """f at a critical point: exact where a closed form is known, else certified."""
        box = root.ball
        value_ball = self._value(root)
        at: sp.Expr = midpoint(box)
        value: sp.Expr = midpoint(value_ball)
        at_method = value_method = Method.CERTIFIED
        at_ball = box
        if root.exact is not None:
            at = sp.Rational(root.exact.numerator, root.exact.denominator)
            at_method, at_ball = Method.EXACT, point(root.exact)
            exact_value = value_at(self.expression, self.x, at)
            value, value_method = self._checked(exact_value, value_ball, value)
        else:
            for form in self.closed_forms:
                form_ball = constant(form)
                if box.contains(form_ball):
                    exact_value = lambert_simplify(self.expression.subs(self.x, form))
                    value, value_method = self._checked(exact_value, value_ball, value)
                    if value_method is Method.EXACT:
                        at, at_method, at_ball = form, Method.EXACT, form_ball
                    break
        found = extreme("", value, at, (value_ball, at_ball), (value_method, at_method))
        exact = value_method is Method.EXACT
        return Candidate(value, value_ball, exact, True, found, root)

    def _checked(self, exact: sp.Expr, ball: arb, fallback: sp.Expr) -> tuple[sp.Expr, Method]:
        """A closed-form value is used only if it lies in the certified enclosure."""
        try:
            inside = ball.contains(constant(exact))
        except UndeterminedError:
            inside = False
        return (exact, Method.EXACT) if inside else (fallback, Method.CERTIFIED)

    def _value(self, root: Root) -> arb:
        """f over the root's box, centred: f(m) + f′(box)·(box − m), tight where f′ ≈ 0."""
        box = root.ball
        middle = point((root.low + root.high) / 2)
        centred = self.f(middle) + self.slope(box) * (box - middle)
        plain = self.f(box)
        return centred.intersection(plain) if centred.overlaps(plain) else centred

    def _tied(self, a: Candidate, b: Candidate) -> bool:
        """Equal values: both exact and equal, or mirrored critical points of an even f."""
        if a.exact and b.exact:
            return bool(is_zero(a.value - b.value))
        if a.at_root is None or b.at_root is None or not self._is_even():
            return False
        mirrored = -b.at_root.ball
        return bool(a.at_root.region_ball.contains(mirrored))

    def _is_even(self) -> bool:
        if self._even is None:
            self._even = bool(
                self.domain == sp.Interval(-sp.oo, sp.oo)
                and is_zero(self.expression.subs(self.x, -self.x) - self.expression)
            )
        return self._even

    def _inside(self, image: TailImage, lowest: Bound, highest: Bound) -> bool:
        """A tail that is not monotone must stay strictly between the two ends."""
        bound = image.bound
        if not bound.bounded:
            return False
        low_ok = lowest.ball is None or bool(lowest.ball.upper() < bound.low)
        high_ok = highest.ball is None or bool(highest.ball.lower() > bound.high)
        return low_ok and high_ok


def _fraction(value: sp.Expr) -> Fraction:
    if not value.is_Rational:
        raise UndeterminedError(f"a branch ends at {value}, not at a rational point")
    return Fraction(int(value.p), int(value.q))
