"""Every critical point of a smooth branch on a bounded interval, each in a tiny proved box.

Branch and bound with Arb: a box where f′ excludes 0 holds no critical point; a box where
f″ excludes 0 has f′ strictly monotone, so f′ changing sign across it means exactly one
simple root, which bisection then squeezes to :data:`WIDTH`. A box that is neither, once
narrower than :data:`NARROWEST`, ends the search with :class:`UndeterminedError` (a double
root, or a formula too ill-conditioned to decide). No clock is involved: the same formula
always gives the same boxes.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Final

from flint import arb

from generator.analysis.arb import Ball, point, span
from generator.analysis.pieces import UndeterminedError

# Width a critical point is refined to: 2⁻¹¹⁰ ≈ 8e-34, enough for 30 digits of its position.
WIDTH: Final = Fraction(1, 2**110)
# Below this width an undecided box is given up on.
NARROWEST: Final = Fraction(1, 2**40)
# Boxes examined before giving up: a guard against a formula that defeats the bounds.
MAX_BOXES: Final = 200_000


@dataclass(frozen=True)
class Root:
    """A simple root of f′ in [low, high] (exact rational ends), or exactly at ``exact``.

    ``region`` is the wider box it was isolated in: f″ ≠ 0 there, so it is the only root.
    """

    low: Fraction
    high: Fraction
    region: tuple[Fraction, Fraction]
    exact: Fraction | None = None

    @property
    def ball(self) -> arb:
        return span(point(self.low), point(self.high))

    @property
    def region_ball(self) -> arb:
        return span(point(self.region[0]), point(self.region[1]))


def sign(ball: arb) -> int:
    """+1 or −1 when the ball is certainly of that sign, 0 when it may hold 0."""
    if not ball.is_finite():
        return 0
    if ball > 0:
        return 1
    if ball < 0:
        return -1
    return 0


def roots(
    slope: Ball,
    curvature: Ball,
    low: Fraction,
    high: Fraction,
    known: frozenset[Fraction] = frozenset(),
) -> tuple[Root, ...]:
    """The roots of f′ on [low, high], left to right; ``known`` are exact roots (f′(0) = 0).

    ``slope`` and ``curvature`` evaluate f′ and f″ on balls.
    """
    found: list[Root] = []
    pending = [(low, high)]
    examined = 0
    while pending:
        examined += 1
        if examined > MAX_BOXES:
            raise UndeterminedError("too many boxes while isolating the critical points")
        left, right = pending.pop()
        box = span(point(left), point(right))
        bend = curvature(box)
        middle = (left + right) / 2
        centred = slope(point(middle)) + bend * (box - point(middle))
        if sign(slope(box)) or sign(centred):
            continue  # f′ ≠ 0 throughout
        if sign(bend):
            root = _single(slope, left, right, known)
            if root is not None and not any(_same(root, other) for other in found):
                found.append(root)
            continue
        if right - left < NARROWEST:
            raise UndeterminedError(f"cannot isolate a critical point near {float(left):.6g}")
        pending.append((middle, right))
        pending.append((left, middle))
    return tuple(sorted(found, key=lambda root: root.low))


def _same(a: Root, b: Root) -> bool:
    return a.exact is not None and a.exact == b.exact


def _single(
    slope: Ball, left: Fraction, right: Fraction, known: frozenset[Fraction]
) -> Root | None:
    """f′ is strictly monotone on [left, right]: its one root there, or None."""
    inside = sorted(root for root in known if left <= root <= right)
    if inside:  # a root, and the only one f′ can have here
        return Root(inside[0], inside[0], (left, right), exact=inside[0])
    at_left, at_right = sign(slope(point(left))), sign(slope(point(right)))
    for end, at_end in ((left, at_left), (right, at_right)):
        if at_end == 0:
            raise UndeterminedError(f"f′ cannot be told from 0 at {float(end):.6g}")
    if at_left == at_right:
        return None
    return _bisect(slope, (left, right), at_left)


def _bisect(slope: Ball, region: tuple[Fraction, Fraction], left_sign: int) -> Root:
    """Halve the box, keeping the sign change, until it is :data:`WIDTH` wide."""
    left, right = region
    while right - left > WIDTH:
        middle = (left + right) / 2
        at_middle = sign(slope(point(middle)))
        if at_middle == 0:
            return _around(slope, middle, region)
        if at_middle == left_sign:
            left = middle
        else:
            right = middle
    return Root(left, right, region)


def _around(slope: Ball, middle: Fraction, region: tuple[Fraction, Fraction]) -> Root:
    """f′(middle) is within rounding of 0: the root is in a tiny box around it."""
    below, above = middle - WIDTH / 2, middle + WIDTH / 2
    if sign(slope(point(below))) * sign(slope(point(above))) == -1:
        return Root(below, above, region)
    raise UndeterminedError(f"f′ cannot be told from 0 near {float(middle):.6g}")
