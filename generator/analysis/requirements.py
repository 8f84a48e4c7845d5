"""What a formula needs to be real: one requirement per sub-formula with a restricted
domain (a logarithm's argument, a root's base, a denominator, tan's poles), each for the
x that reach it (a Piecewise branch is reached only where its condition holds)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Final

import sympy as sp

from generator.analysis.failure_sets import describe, show

# Functions defined, real and finite at every real argument.
_TOTAL: Final = (
    sp.exp,
    sp.sin,
    sp.cos,
    sp.atan,
    sp.sinh,
    sp.cosh,
    sp.tanh,
    sp.asinh,
    sp.erf,
    sp.erfc,
    sp.sinc,
    sp.Abs,
    sp.sign,
    sp.Max,
    sp.Min,
    sp.Heaviside,
    sp.KroneckerDelta,
)


class Need(Enum):
    """What a quantity must satisfy for the sub-formula to be real and finite."""

    POSITIVE = "> 0"
    NONNEGATIVE = "≥ 0"
    NONZERO = "≠ 0"


@dataclass(frozen=True)
class Requirement:
    """``quantity`` must satisfy ``need`` wherever x is in ``region``, or ``node`` fails."""

    node: sp.Expr  # the sub-formula as written
    quantity: sp.Expr  # what must satisfy ``need`` (parameters still symbolic)
    need: Need
    region: sp.Set  # the x (a subset of ℝ) at which ``node`` is evaluated
    failure: str  # "is not real", "is undefined"


class DomainError(Exception):
    """The formula is refused; the message is the problem to report."""


def requirements(
    node: sp.Basic,
    region: sp.Set,
    variable: sp.Symbol | None,
    defaults: Mapping[sp.Symbol, sp.Expr],
) -> Iterator[Requirement]:
    """Every restricted-domain sub-formula of ``node`` evaluated for x in ``region``."""
    _refuse_non_real_atom(node)
    if isinstance(node, sp.Piecewise):
        yield from _branches(node, region, variable, defaults)
        return
    if isinstance(node, sp.Sum):
        yield from requirements(node.function, region, variable, defaults)
        for _, low, high in node.limits:
            yield from requirements(low, region, variable, defaults)
            yield from requirements(high, region, variable, defaults)
        return
    if node.is_Atom or isinstance(node, sp.Indexed):
        return
    # Arguments first, so the innermost failure is the one reported.
    for argument in node.args:
        yield from requirements(argument, region, variable, defaults)
    if isinstance(node, _TOTAL):
        return
    if isinstance(node, sp.Pow):
        yield from _power(node, region, defaults)
    elif isinstance(node, sp.Function):
        yield from _function(node, region)
    elif not isinstance(node, (sp.Add, sp.Mul)):
        raise DomainError(f"cannot tell where {show(node)} is defined ({type(node).__name__})")


def _refuse_non_real_atom(node: sp.Basic) -> None:
    if node is sp.I:
        raise DomainError("is not real: it contains the imaginary unit I (such as sqrt(-1))")
    if node in (sp.oo, -sp.oo, sp.zoo) or node is sp.nan:
        raise DomainError(f"is not finite: it contains {show(node)}")


def _power(
    node: sp.Pow, region: sp.Set, defaults: Mapping[sp.Symbol, sp.Expr]
) -> Iterator[Requirement]:
    base, exponent = node.args
    exponent = exponent.xreplace(dict(defaults))
    if exponent.is_Integer:
        if exponent.is_negative:
            yield Requirement(node, base, Need.NONZERO, region, "is undefined")
        return
    if exponent.is_Rational or (exponent.is_number and exponent.is_real):
        need = Need.NONNEGATIVE if exponent.is_positive else Need.POSITIVE
        yield Requirement(node, base, need, region, "is not real")
        return
    # A variable (or non-real) exponent: b**e = exp(e·log b) needs b > 0.
    yield Requirement(node, base, Need.POSITIVE, region, "is not real")


def _function(node: sp.Function, region: sp.Set) -> Iterator[Requirement]:
    rule = _RULES.get(type(node))
    if rule is None or len(node.args) != 1:
        raise DomainError(f"cannot tell where {show(node)} is defined")
    quantity, need, failure = rule(node.args[0])
    yield Requirement(node, quantity, need, region, failure)


Rule = Callable[[sp.Expr], tuple[sp.Expr, Need, str]]
_RULES: Final[Mapping[type, Rule]] = {
    sp.log: lambda u: (u, Need.POSITIVE, "is not real"),
    sp.acosh: lambda u: (u - 1, Need.NONNEGATIVE, "is not real"),
    sp.asin: lambda u: (1 - u**2, Need.NONNEGATIVE, "is not real"),
    sp.acos: lambda u: (1 - u**2, Need.NONNEGATIVE, "is not real"),
    sp.atanh: lambda u: (1 - u**2, Need.POSITIVE, "is not real"),
    sp.tan: lambda u: (sp.cos(u), Need.NONZERO, "is undefined"),
    sp.cot: lambda u: (sp.sin(u), Need.NONZERO, "is undefined"),
    sp.sec: lambda u: (sp.cos(u), Need.NONZERO, "is undefined"),
    sp.csc: lambda u: (sp.sin(u), Need.NONZERO, "is undefined"),
}


def _branches(
    node: sp.Piecewise,
    region: sp.Set,
    variable: sp.Symbol | None,
    defaults: Mapping[sp.Symbol, sp.Expr],
) -> Iterator[Requirement]:
    """A branch's value is only evaluated where its condition holds and no earlier one did;
    each condition is evaluated wherever the earlier ones failed."""
    remaining, known = region, True
    for value, condition in node.args:
        for side in _condition_sides(condition):
            yield from requirements(side, remaining, variable, defaults)
        holds = _condition_set(condition, variable, defaults)
        reached = remaining if holds is None else sp.Intersection(remaining, holds)
        if reached is not sp.S.EmptySet:
            yield from requirements(value, reached, variable, defaults)
        if holds is None:
            known = False
        else:
            remaining = sp.Complement(remaining, holds)
    if node.args[-1][1] is sp.true or (known and remaining.is_empty is True):
        return
    if known:
        where = describe(remaining)
        raise DomainError(f"is undefined {where}: no branch of a Piecewise applies")
    raise DomainError("cannot prove a branch of each Piecewise applies; end it with (value, True)")


def _condition_sides(condition: sp.Basic) -> Iterator[sp.Expr]:
    if isinstance(condition, sp.core.relational.Relational):
        yield from condition.args
    elif isinstance(condition, (sp.And, sp.Or, sp.Not)):
        for part in condition.args:
            yield from _condition_sides(part)


def _condition_set(
    condition: sp.Basic, variable: sp.Symbol | None, defaults: Mapping[sp.Symbol, sp.Expr]
) -> sp.Set | None:
    """The real x where ``condition`` holds, or None when that is not known (then the branch
    is checked over every x that reaches it, which can only refuse more)."""
    if variable is None:
        return None
    condition = condition.xreplace(dict(defaults))
    everywhere: sp.Set = sp.Reals
    nowhere: sp.Set = sp.S.EmptySet
    if condition is sp.true:
        return everywhere
    if condition is sp.false:
        return nowhere
    if condition.free_symbols != {variable}:
        return None
    try:
        found: sp.Set = condition.as_set()
    except (NotImplementedError, TypeError, ValueError):
        return None
    return found
