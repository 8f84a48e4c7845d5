"""Immutable records handed from stage to stage: catalog -> analysis -> render -> pages."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path

import sympy as sp


class Kind(Enum):
    """How the formula is applied to a tensor.

    Elementwise: f(x) on every entry. Gated: the input is split in halves a and b along one
    axis and the output is a ⊗ g(b), with the gate g(x) the formula. Vector: the formula is
    component i of a map from R^n to R^n (softmax).
    """

    ELEMENTWISE = "elementwise"
    GATED = "gated"
    VECTOR = "vector"

    @property
    def scalar(self) -> bool:
        """Whether the formula is a function of one real x (analysed as such)."""
        return self is not Kind.VECTOR


@dataclass(frozen=True)
class Family:
    slug: str
    title: str
    blurb: str


@dataclass(frozen=True)
class Parameter:
    name: str
    default: sp.Rational
    description: str
    latex: str

    @property
    def symbol(self) -> sp.Symbol:
        return sp.Symbol(self.name, real=True)


@dataclass(frozen=True)
class Reference:
    authors: tuple[str, ...]
    title: str
    year: int
    venue: str
    url: str


@dataclass(frozen=True)
class Tolerance:
    """How closely a framework's float64 f and autograd f′ match the exact formula.

    |framework − exact| ≤ absolute + relative·|exact|, measured by the test suite. Relative
    bounds fit most f; absolute bounds fit gradients formed from the rounded output
    (σ(1 − σ), 1 − tanh²), which lose relative accuracy in the tails by design.
    """

    f_relative: float
    f_absolute: float
    df_relative: float
    df_absolute: float


@dataclass(frozen=True)
class FrameworkEntry:
    """How one framework spells the activation, and its defaults where they differ from ours."""

    framework: str
    function: str | None
    module: str | None
    defaults: tuple[tuple[str, sp.Rational | None], ...]  # None: the framework requires it
    fixed: tuple[tuple[str, str | int | float], ...]  # other arguments that select this form
    tolerance: Tolerance | None  # PyTorch only: agreement with the formula, asserted in tests
    note: str | None


@dataclass(frozen=True)
class KinkConvention:
    """What autograd returns at a point where the derivative does not exist."""

    at: sp.Expr
    pytorch: sp.Expr | None
    jax: sp.Expr | None
    note: str


@dataclass(frozen=True)
class Difference:
    """A deliberate departure of one framework from the mathematical definition."""

    framework: str
    description: str


@dataclass(frozen=True)
class Activation:
    """One catalog entry, validated, with its formula parsed into SymPy."""

    id: str
    name: str
    aliases: tuple[str, ...]
    family: Family
    kind: Kind
    symbol_latex: str
    summary: str
    variable: sp.Symbol
    expression: sp.Expr
    parameters: tuple[Parameter, ...]
    derivative_identity: sp.Expr | None
    kinks: tuple[KinkConvention, ...]
    frameworks: tuple[FrameworkEntry, ...]
    differences: tuple[Difference, ...]
    adaptive: str | None  # what is learned or drawn at random, for such entries
    shape: str | None  # for entries that change the width of their input
    pros: tuple[str, ...]
    cons: tuple[str, ...]
    uses: tuple[str, ...]
    references: tuple[Reference, ...]
    source: Path

    @property
    def defaults(self) -> dict[sp.Symbol, sp.Rational]:
        return {parameter.symbol: parameter.default for parameter in self.parameters}

    def at_defaults(self) -> sp.Expr:
        """The formula with every parameter replaced by its (exact) default."""
        return self.expression.subs(self.defaults)

    def framework(self, name: str) -> FrameworkEntry | None:
        return next((entry for entry in self.frameworks if entry.framework == name), None)


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


@dataclass(frozen=True)
class Tail:
    """The limits of f and f′ at −∞ or +∞."""

    value_limit: sp.Expr | None
    derivative_limit: sp.Expr | None
    saturation: Saturation | None


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
