"""Small SymPy questions with three answers: yes, no, or not determined (``None``)."""

from __future__ import annotations

from typing import Final

import sympy as sp
from sympy.calculus.util import function_range

from generator.analysis.pieces import UndeterminedError

# Functions analytic wherever they are defined on the real line.
ANALYTIC: Final = (
    sp.exp,
    sp.sin,
    sp.cos,
    sp.sinh,
    sp.cosh,
    sp.tanh,
    sp.atan,
    sp.asinh,
    sp.erf,
    sp.erfc,
    sp.sinc,
)
# Exact points used to refute identities: one counterexample settles "no".
PROBES: Final = (sp.Rational(1, 3), sp.Rational(7, 5), sp.Integer(3), sp.Rational(-5, 2))


def is_zero(expression: sp.Expr, probes: tuple[sp.Expr, ...] = PROBES) -> bool | None:
    """Is ``expression`` identically zero? Uses simplify, then exact probes to refute.

    The probes must lie where the identity is claimed: one non-zero value there is a proof
    of "no", while a simplification to 0 is a proof of "yes".
    """
    if expression == 0:
        return True
    simplified = sp.simplify(expression)
    if simplified == 0:
        return True
    free = sorted(simplified.free_symbols, key=str)
    if len(free) == 1:
        for probe in probes:
            if sp.N(simplified.subs(free[0], probe), 30).is_zero is False:
                return False
    elif not free:
        answer: bool | None = simplified.is_zero
        return answer
    return None


def samples(domain: sp.Set) -> tuple[sp.Expr, ...]:
    """A few exact points inside ``domain`` (an interval or a finite set)."""
    if isinstance(domain, sp.FiniteSet):
        return tuple(domain)
    low, high = domain.inf, domain.sup
    if low.is_finite and high.is_finite:
        return tuple(low + (high - low) * sp.Rational(k, 7) for k in (1, 3, 6))
    if low.is_finite:
        return tuple(low + step for step in (sp.Rational(1, 3), sp.Rational(7, 5), 3))
    if high.is_finite:
        return tuple(high - step for step in (sp.Rational(1, 3), sp.Rational(7, 5), 3))
    return PROBES


def equal(a: sp.Expr, b: sp.Expr) -> bool | None:
    return is_zero(sp.sympify(a) - sp.sympify(b))


def one_sided_limit(expression: sp.Expr, x: sp.Symbol, point: sp.Expr, side: str) -> sp.Expr:
    """Limit from one side; a non-finite or unevaluated answer counts as undetermined."""
    try:
        value = sp.limit(expression, x, point, side)
    except (NotImplementedError, ValueError, TypeError) as error:
        raise UndeterminedError(f"limit at {point}{side}: {error}") from None
    if isinstance(value, sp.Limit) or value.has(sp.AccumBounds, sp.nan):
        raise UndeterminedError(f"limit at {point}{side} not found")
    simplified: sp.Expr = sp.simplify(value)
    return simplified


def value_at(expression: sp.Expr, x: sp.Symbol, point: sp.Expr) -> sp.Expr:
    """f(point), or its limit where the formula has a removable singularity there."""
    value: sp.Expr = sp.simplify(expression.subs(x, point))
    if value.has(sp.nan, sp.zoo) or not value.is_finite:
        left = one_sided_limit(expression, x, point, "-")
        right = one_sided_limit(expression, x, point, "+")
        if equal(left, right) is not True:
            raise UndeterminedError(f"no value at {point}")
        return left
    return value


def image(expression: sp.Expr, x: sp.Symbol, domain: sp.Set) -> sp.Set:
    """The set of values ``expression`` takes on ``domain`` (an interval or a point)."""
    if isinstance(domain, sp.FiniteSet):
        return sp.FiniteSet(*(value_at(expression, x, point) for point in domain))
    if x not in expression.free_symbols:
        return sp.FiniteSet(sp.simplify(expression))
    try:
        result = function_range(expression, x, domain)
    except (NotImplementedError, ValueError, TypeError) as error:
        raise UndeterminedError(f"range: {error}") from None
    if not isinstance(result, (sp.Interval, sp.FiniteSet, sp.Union)) or result.has(sp.nan):
        raise UndeterminedError(f"range came back as {result}")
    return result


def is_analytic_on(expression: sp.Expr, x: sp.Symbol, domain: sp.Set) -> bool | None:
    """True when ``expression`` is built only from functions analytic on ``domain``.

    Compositions, sums and products of analytic functions are analytic; division and
    fractional powers are too where the divisor is non-zero and the base positive. Where
    that cannot be shown the answer is ``None``, never a guess.
    """
    interior = domain if not isinstance(domain, sp.Interval) else domain.interior
    for node in sp.preorder_traversal(expression):
        if node.is_Atom or node.is_Add or node.is_Mul:
            continue
        if isinstance(node, sp.Pow):
            base, exponent = node.args
            if exponent.is_Integer and exponent >= 0:
                continue
            needed = sp.Ne(base, 0) if exponent.is_Integer else sp.Gt(base, 0)
            if not _holds_everywhere(needed, x, interior):
                return None
            continue
        if isinstance(node, sp.log):
            if not _holds_everywhere(sp.Gt(node.args[0], 0), x, interior):
                return None
            continue
        if isinstance(node, ANALYTIC):
            continue
        return None
    return True


def _holds_everywhere(condition: sp.Basic, x: sp.Symbol, domain: sp.Set) -> bool:
    if isinstance(condition, sp.Gt) and condition.rhs == 0 and condition.lhs.is_positive:
        return True
    if isinstance(condition, sp.Ne) and condition.rhs == 0 and condition.lhs.is_nonzero:
        return True
    try:
        failing = sp.solveset(sp.Not(condition), x, domain)
    except (NotImplementedError, ValueError, TypeError):
        return False
    return failing is sp.S.EmptySet
