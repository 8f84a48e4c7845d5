"""What the analysis stage derives from one entry: f′, f″ and the properties."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

import sympy as sp

from generator.records.catalog import KinkConvention


class Monotonicity(Enum):
    STRICTLY_INCREASING = "strictly increasing"
    NON_DECREASING = "non-decreasing"
    STRICTLY_DECREASING = "strictly decreasing"
    NON_INCREASING = "non-increasing"
    NOT_MONOTONIC = "not monotonic"


class Saturation(Enum):
    """How f′ behaves as x runs off to one side."""

    HARD = "hard"  # f′ is exactly 0 beyond some point
    SOFT = "soft"  # f′ tends to 0 without reaching it
    NONE = "none"  # f′ tends to something else (or has no limit)


@dataclass(frozen=True)
class Smoothness:
    """Continuity class: order -1 is discontinuous, 0 is C⁰ ... ``infinite`` is C^∞."""

    order: int
    infinite: bool = False
    at_least: bool = False  # derivatives matched up to ``order`` and checking stopped there


class Method(Enum):
    """How a number or fact on a page was established."""

    EXACT = "exact"  # a closed form or a structural proof, by SymPy
    CERTIFIED = "certified"  # an interval-arithmetic enclosure (Arb), proved to contain it


@dataclass(frozen=True)
class Enclosure:
    """A real number proved to lie in [low, high]; both ends are exact rationals."""

    low: sp.Rational
    high: sp.Rational


@dataclass(frozen=True)
class Extreme:
    """A global minimum or maximum of f, attained at an interior critical point.

    ``value`` and ``at`` are exact closed forms where one is known (−W(1/e) for SiLU),
    otherwise Floats at the enclosure's midpoint; the enclosures hold in either case.
    """

    kind: str  # "minimum" or "maximum"
    value: sp.Expr
    at: sp.Expr
    value_enclosure: Enclosure
    at_enclosure: Enclosure
    value_method: Method
    at_method: Method


@dataclass(frozen=True)
class Moment:
    """An expectation over X ~ N(0, 1): exact, or certified to ``digits`` significant digits."""

    value: sp.Expr
    method: Method
    enclosure: Enclosure | None  # None when exact
    digits: int | None  # certified significant digits; None when exact


@dataclass(frozen=True)
class Moments:
    """E[f(X)], E[f(X)²] and E[f′(X)²] for X ~ N(0, 1), at the default parameters:
    how a layer of this unit shifts and scales a unit-variance signal at initialisation.

    ``gain`` is He's variance-preserving gain 1/√E[f(X)²] (√2 for ReLU), exact when the
    second moment is, certified otherwise; None when E[f(X)²] is not proved positive.
    """

    mean: Moment
    second: Moment
    slope_second: Moment
    gain: Moment | None = None


@dataclass(frozen=True)
class Tail:
    """The limits of f and f′ at −∞ or +∞."""

    value_limit: sp.Expr | None
    derivative_limit: sp.Expr | None
    saturation: Saturation | None
    # Where f has no limit but keeps oscillating: the least and greatest values it keeps
    # coming back to, as SymPy's accumulation bounds give them ((−1, 1) for sin x,
    # (−∞, ∞) for x·cos x). None when f has a limit or nothing is known.
    value_bounds: tuple[sp.Expr, sp.Expr] | None = None

    @property
    def oscillates(self) -> bool:
        return self.value_bounds is not None


@dataclass(frozen=True)
class Kink:
    """A point where f is not differentiable, with the one-sided derivatives."""

    at: sp.Expr
    continuous: bool
    left_derivative: sp.Expr
    right_derivative: sp.Expr
    convention: KinkConvention | None


@dataclass(frozen=True)
class Piece:
    """One branch of a piecewise definition and the interval it applies on."""

    expression: sp.Expr
    domain: sp.Set


@dataclass(frozen=True)
class Properties:
    """Everything computed about f at its default parameters; ``None`` means not determined."""

    value_at_zero: sp.Expr | None
    derivative_at_zero: sp.Expr | None
    range: sp.Set | None
    monotonicity: Monotonicity | None
    odd: bool | None
    zero_centred: bool | None
    smoothness: Smoothness | None
    kinks: tuple[Kink, ...] | None
    left: Tail
    right: Tail
    identity_near_zero: bool | None
    self_gated: bool | None  # one smooth formula x·g(x) with the gate g → 0 at −∞, → c > 0 at +∞
    range_estimate: sp.Set | None = None  # numerical, only where ``range`` is not determined
    # Interior global extremes that are ends of ``range``, with how each was established.
    extremes: tuple[Extreme, ...] = ()
    moments: Moments | None = None

    @property
    def bounded_below(self) -> bool | None:
        if self.range is not None:
            return bool(self.range.inf.is_finite)
        return False if -sp.oo in self._limits else None  # a limit of −∞ settles it

    @property
    def bounded_above(self) -> bool | None:
        if self.range is not None:
            return bool(self.range.sup.is_finite)
        return False if sp.oo in self._limits else None

    @property
    def _limits(self) -> tuple[sp.Expr | None, ...]:
        return (self.left.value_limit, self.right.value_limit)


@dataclass(frozen=True)
class ElementwiseAnalysis:
    """f′, f″ (with symbolic parameters) and the properties (at the defaults)."""

    derivative: sp.Expr
    second_derivative: sp.Expr
    derivative_pieces: tuple[Piece, ...] | None
    second_derivative_pieces: tuple[Piece, ...] | None
    identity_verified: bool
    properties: Properties
    # Where f′ exists but f″ does not (ELU at 0, Sparse plus at ±1), at the defaults.
    no_second_derivative_at: tuple[sp.Expr, ...] = ()


@dataclass(frozen=True)
class VectorAnalysis:
    """Softmax-like maps: the Jacobian, and facts checked on a concrete dimension."""

    jacobian_entry: sp.Expr  # ∂s_i/∂x_j in general form, verified on n = 3
    dimension_checked: int
    sums_to_one: bool | None
    shift_invariant: bool | None
    two_class_reduction: sp.Expr  # component 1 of f([x, 0])
    two_class_derivative: sp.Expr
    component_range: sp.Set | None
    smoothness: Smoothness | None


Analysis = ElementwiseAnalysis | VectorAnalysis
