"""Proving a requirement for every x in its region: SymPy's assumptions, then ``solveset``
showing the failure set empty, then interval arithmetic over all of ℝ. What none proves is
refused, saying where it fails when that is known. Effort is bounded by the size of the
quantity, never by a clock."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Final

import sympy as sp
from flint import arb

from generator.analysis.arb import compile_ball, precision
from generator.analysis.failure_sets import describe, show
from generator.analysis.pieces import UndeterminedError
from generator.analysis.requirements import DomainError, Need, Requirement

# solveset is only asked about quantities this small, this few functions deep and of this
# low a degree in x (a bound on effort, not on time).
MAX_SOLVE_OPS: Final = 40
MAX_SOLVE_NESTING: Final = 3
MAX_SOLVE_DEGREE: Final = 12


def prove(
    requirement: Requirement, variable: sp.Symbol | None, defaults: Mapping[sp.Symbol, sp.Expr]
) -> None:
    """Return when the requirement holds on its region; otherwise raise :class:`DomainError`."""
    quantity = requirement.quantity.xreplace(dict(defaults))
    if _assumed(quantity, requirement, variable):
        return
    if variable is None or variable not in quantity.free_symbols:
        if quantity.free_symbols or _holds(quantity, requirement.need) is None:
            raise DomainError(_unproved(requirement, defaults))
        raise DomainError(_disproved(requirement, defaults, None))  # a constant that fails
    failing = _failure_set(quantity, requirement, variable)
    if failing is None:
        if _enclosed(quantity, requirement.need, variable):
            return
        raise DomainError(_unproved(requirement, defaults))
    if failing is not sp.S.EmptySet:
        raise DomainError(_disproved(requirement, defaults, failing))


def _holds(value: sp.Expr, need: Need) -> bool | None:
    if need is Need.POSITIVE:
        known: bool | None = value.is_positive
    elif need is Need.NONNEGATIVE:
        known = value.is_nonnegative
    else:
        known = value.is_nonzero
    return known


def _assumed(quantity: sp.Expr, requirement: Requirement, variable: sp.Symbol | None) -> bool:
    """SymPy's assumptions prove it, with x a symbol that carries what the region says."""
    region = requirement.region
    if variable is not None and variable in quantity.free_symbols and region != sp.Reals:
        substituted = _within(quantity, variable, region)
        if substituted is None:
            return False
        quantity = substituted
    return _holds(quantity, requirement.need) is True


def _within(quantity: sp.Expr, variable: sp.Symbol, region: sp.Set) -> sp.Expr | None:
    """``quantity`` with x written a ± t, t ≥ 0 or > 0, for a half-line region."""
    if not isinstance(region, sp.Interval):
        return None
    low, high = region.start, region.end
    if high is sp.oo and low.is_finite:
        t = sp.Dummy("t", positive=True) if region.left_open else sp.Dummy("t", nonnegative=True)
        substituted: sp.Expr = quantity.xreplace({variable: low + t})
        return substituted
    if low is -sp.oo and high.is_finite:
        t = sp.Dummy("t", positive=True) if region.right_open else sp.Dummy("t", nonnegative=True)
        substituted = quantity.xreplace({variable: high - t})
        return substituted
    return None


def _failure_set(quantity: sp.Expr, requirement: Requirement, variable: sp.Symbol) -> sp.Set | None:
    """Where in the region the requirement fails, exactly; None when SymPy cannot say."""
    if (
        sp.count_ops(quantity) > MAX_SOLVE_OPS
        or _nesting(quantity) > MAX_SOLVE_NESTING
        or _degree(quantity) > MAX_SOLVE_DEGREE
    ):
        return None
    negation = {
        Need.POSITIVE: sp.Le(quantity, 0),
        Need.NONNEGATIVE: sp.Lt(quantity, 0),
        Need.NONZERO: sp.Eq(quantity, 0),
    }[requirement.need]
    try:
        failing: sp.Set = sp.solveset(negation, variable, requirement.region)
    except (NotImplementedError, TypeError, ValueError, AttributeError, RecursionError):
        return None
    if failing.has(sp.ConditionSet):
        return None
    return failing


def _enclosed(quantity: sp.Expr, need: Need, variable: sp.Symbol) -> bool:
    """Interval arithmetic over all of ℝ proves it: 2 + sin(x³ + x) lies in [1, 3]. (Only
    bounded functions survive an unbounded ball; the rest give nan, which proves nothing.)"""
    try:
        with precision():
            ball = compile_ball(quantity, variable)(arb(0, math.inf))
    except (UndeterminedError, TypeError, ValueError, ZeroDivisionError, OverflowError):
        return False
    if not ball.is_finite():
        return False
    if need is Need.NONZERO:
        return bool(ball.lower() > 0 or ball.upper() < 0)
    return bool(ball.lower() > 0 or (need is Need.NONNEGATIVE and ball.lower() >= 0))


def _nesting(quantity: sp.Basic) -> int:
    """How many functions deep ``quantity`` is: exp(exp(x)) is 2 (towers of exponentials
    make solveset compare numbers like e^(e^(e^e)) digit by digit)."""
    inner = max((_nesting(argument) for argument in quantity.args), default=0)
    return inner + 1 if isinstance(quantity, sp.Function) else inner


def _degree(quantity: sp.Basic) -> int:
    """A bound on the polynomial degree in x: root isolation of x**1000 + x**999 + 1 would
    run for minutes."""
    if isinstance(quantity, sp.Pow) and quantity.exp.is_Integer:
        return abs(int(quantity.exp)) * _degree(quantity.base)
    degrees = [_degree(argument) for argument in quantity.args]
    if isinstance(quantity, sp.Mul):
        return sum(degrees)
    if quantity.is_Symbol or isinstance(quantity, sp.Indexed):
        return 1
    return max(degrees, default=0)


def _disproved(
    requirement: Requirement, defaults: Mapping[sp.Symbol, sp.Expr], failing: sp.Set | None
) -> str:
    where = "" if failing is None else " " + describe(failing)
    used = _defaults_used(requirement, defaults)
    if failing is None:
        at = f" at the default {used}" if used else ""
        return f"{show(requirement.node)} {requirement.failure}{at}"
    suffix = f" (with the default {used})" if used else ""
    return f"{show(requirement.node)} {requirement.failure}{where}{suffix}"


def _unproved(requirement: Requirement, defaults: Mapping[sp.Symbol, sp.Expr]) -> str:
    used = _defaults_used(requirement, defaults)
    suffix = f" with the default {used}" if used else ""
    scope = "every real x" if requirement.region == sp.Reals else f"x in {show(requirement.region)}"
    return (
        f"cannot prove {show(requirement.node)} is real and finite for {scope}{suffix} "
        f"(needs {show(requirement.quantity)} {requirement.need.value}); "
        "a formula must be defined on all of ℝ"
    )


def _defaults_used(requirement: Requirement, defaults: Mapping[sp.Symbol, sp.Expr]) -> str:
    used = sorted(requirement.node.free_symbols & set(defaults), key=lambda s: s.name)
    return ", ".join(f"{symbol.name} = {show(defaults[symbol])}" for symbol in used)


def finite_at_defaults(expression: sp.Expr, defaults: Mapping[sp.Symbol, sp.Expr]) -> None:
    """The formula with the defaults put in: nothing the walk missed turned undefined."""
    try:
        value = expression.xreplace(dict(defaults))
    except (TypeError, ValueError, ZeroDivisionError) as error:
        raise DomainError(f"is not defined at the parameters' defaults ({error})") from None
    if value.has(sp.I):
        raise DomainError("is not real at the parameters' defaults (it contains I)")
    if value.has(sp.zoo, sp.nan):
        raise DomainError("is undefined at the parameters' defaults (division by zero)")
